// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.analysis;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the committed fixtures and the values R computed from them (see fixtures/expected.R). */
final class Fixture {

    private Fixture() {
    }

    static List<CSVRecord> read(String name) {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                Fixture.class.getResourceAsStream("/insights/fixtures/" + name)), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value of the survey fixture, or null when missing ("" or "dk"). */
    static Integer value(CSVRecord row, String column) {
        String v = row.get(column);
        return v.isEmpty() || "dk".equals(v) ? null : Integer.valueOf(v);
    }

    static double number(CSVRecord row, String column) {
        return Double.parseDouble(row.get(column));
    }

    static Map<String, String> codes(CSVRecord row, String... columns) {
        java.util.Map<String, String> codes = new java.util.HashMap<>();
        for (String c : columns) {
            codes.put(c, row.get(c));
        }
        return codes;
    }
}
