// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes tables to a download as they are produced, one row at a time: as CSV files in a zip (Apache
 * Commons CSV) or as sheets of one XLSX workbook (Apache POI's streaming {@link SXSSFWorkbook},
 * which keeps only a window of rows in memory). Either way memory stays flat however many rows come.
 * Sheets are written one after the other.
 */
abstract sealed class Tabular implements AutoCloseable {

    /** Starts the next table with its column names. */
    abstract void sheet(String name, List<String> headers);

    /** Adds a row; a value is a {@link Number}, text, or null for an empty cell. */
    abstract void row(List<?> values);

    /** Writes what is left and closes the download. */
    @Override
    public abstract void close();

    static Tabular of(FeedbackExports.Format format, OutputStream out) {
        return format == FeedbackExports.Format.XLSX ? new Xlsx(out) : new CsvZip(out);
    }

    /**
     * CSV files in a zip: UTF-8 with a byte order mark and semicolons, so that Dutch Excel opens
     * them as they are, and any CSV reader too.
     */
    static final class CsvZip extends Tabular {

        private final ZipOutputStream zip;
        private CSVPrinter printer;

        CsvZip(OutputStream out) {
            this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        }

        @Override
        void sheet(String name, List<String> headers) {
            try {
                endEntry();
                zip.putNextEntry(new ZipEntry(name + ".csv"));
                OutputStreamWriter writer = new OutputStreamWriter(new FilterOutputStream(zip) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }
                }, StandardCharsets.UTF_8);
                writer.write('\uFEFF');
                printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get());
                printer.printRecord(headers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void row(List<?> values) {
            try {
                printer.printRecord(values.stream().map(CsvZip::inert).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Text that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a
         * carriage return) gets a leading apostrophe, so that a resident's answer opened in Excel is
         * shown, never run. Numbers are left as they are.
         */
        static Object inert(Object value) {
            if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                return "'" + text;
            }
            return value;
        }

        private void endEntry() throws IOException {
            if (printer != null) {
                printer.close(true);
                zip.closeEntry();
                printer = null;
            }
        }

        @Override
        public void close() {
            try {
                endEntry();
                zip.finish();
                zip.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Sheets of one XLSX workbook, streamed with a window of 100 rows in memory. */
    static final class Xlsx extends Tabular {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final CellStyle bold;
        private SXSSFSheet sheet;
        private int next;

        Xlsx(OutputStream out) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            Font font = workbook.createFont();
            font.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(font);
        }

        @Override
        void sheet(String name, List<String> headers) {
            sheet = workbook.createSheet(name);
            next = 0;
            Row row = sheet.createRow(next++);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
        }

        @Override
        void row(List<?> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (value != null) {
                    row.createCell(i).setCellValue(value.toString());
                }
            }
        }

        @Override
        public void close() {
            try (workbook) {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
