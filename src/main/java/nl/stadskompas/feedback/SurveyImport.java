// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded file of earlier survey answers, its mapping, and whether it was imported.
 *
 * @param rows the number of rows with answers (the column names not counted)
 * @param defaultDate the day recorded for rows without a date of their own, or null
 * @param importedCount the number of responses stored, once imported
 */
public record SurveyImport(UUID id, UUID questionnaireId, String fileName, String encoding, char separator, int rows,
        LocalDate defaultDate, Status status, Instant uploadedAt, String uploadedBy, Instant importedAt,
        String importedBy, Integer importedCount, List<ImportColumn> columns) {

    /** Where an import stands. */
    public enum Status {
        /** Uploaded; the mapping can be changed and the file checked. */
        UPLOADED,
        /** Every row was stored; the file itself has been removed. */
        IMPORTED
    }

    public boolean imported() {
        return status == Status.IMPORTED;
    }
}
