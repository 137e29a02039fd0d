// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import java.util.UUID;

/**
 * What an edit form is changing, for its heading and where it posts; absent on a form for a new item.
 */
record Editing(UUID id, String name) {
}
