// SPDX-License-Identifier: EUPL-1.2
/**
 * Plain-language checks for texts residents read: the reading level of a Dutch or English text,
 * with long sentences, long words and officialese flagged.
 */
@org.springframework.modulith.NamedInterface("text")
package nl.stadskompas.platform.text;
