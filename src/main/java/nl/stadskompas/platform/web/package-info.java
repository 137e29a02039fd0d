// SPDX-License-Identifier: EUPL-1.2
/**
 * Web plumbing that modules may use in their controllers: options for form fragments.
 */
@org.springframework.modulith.NamedInterface("web")
package nl.stadskompas.platform.web;
