// SPDX-License-Identifier: EUPL-1.2
/**
 * Extension points of the insights module: other modules contribute survey data and figures here,
 * so that insights never imports them.
 */
@org.springframework.modulith.NamedInterface("spi")
package nl.stadskompas.insights.spi;
