// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A core value of the organisation, such as "human" or "reliable".
 *
 * @param code stable code within the version, for example {@code K1}
 */
@Table("fw_core_value")
public record CoreValue(String code, String name, String description) {
}
