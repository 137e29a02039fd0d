// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import org.springframework.data.relational.core.mapping.Table;

/**
 * An aspect of service a satisfaction survey asks about, for example "the employee knew what they
 * were talking about".
 *
 * @param code stable code within the version, for example {@code A12}
 */
@Table("fw_aspect")
public record ServiceAspect(String code, String nameNl, String nameEn, AspectCategory category) {
}
