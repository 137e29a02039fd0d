// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A statement residents rate, for example "I knew what would happen next". Statements are the
 * central KPIs: surveys ask them and insights report on them, each measuring one promise.
 *
 * @param code stable code within the version, for example {@code S3}
 * @param textNl the statement in Dutch
 * @param textEn the statement in English, or null
 * @param promiseCode the code of the promise the statement measures
 */
@Table("fw_statement")
public record Statement(String code, String textNl, String textEn, String promiseCode) {
}
