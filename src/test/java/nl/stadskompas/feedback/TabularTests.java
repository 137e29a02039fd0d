// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Tables written as CSV in a zip and as XLSX read back the same, and a resident's text never turns
 * into a spreadsheet formula.
 */
class TabularTests {

    @Test
    void csvCellsThatLookLikeFormulasAreKeptAsTextAndNumbersStayNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Tabular table = Tabular.of(FeedbackExports.Format.CSV, out)) {
            table.sheet("antwoorden", List.of("a", "b", "c", "d"));
            table.row(Arrays.asList("=HYPERLINK(\"http://example.org\")", -5, "@som", null));
            table.sheet("codeboek", List.of("kolom"));
            table.row(List.of("a"));
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("antwoorden.csv");
            String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8).substring(1);
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text))
                    .getRecords();
            assertThat(rows.get(1).toList()).containsExactly("'=HYPERLINK(\"http://example.org\")", "-5", "'@som", "");
            assertThat(zip.getNextEntry().getName()).isEqualTo("codeboek.csv");
        }
    }

    @Test
    void xlsxKeepsTextAsTextAndNumbersAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Tabular table = Tabular.of(FeedbackExports.Format.XLSX, out)) {
            table.sheet("antwoorden", List.of("a", "b"));
            table.row(List.of("=1+1", 4));
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=1+1");
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(4.0);
        }
    }
}
