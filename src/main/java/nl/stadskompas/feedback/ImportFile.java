// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import nl.stadskompas.platform.ValidationProblem;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of earlier survey answers as people save it from a spreadsheet: UTF-8 with or without
 * a byte order mark, UTF-16 with one, or the Windows encoding that Dutch Excel uses for "CSV
 * (gescheiden door lijstscheidingsteken)"; separated by semicolons (Dutch Excel), commas or tabs.
 * The first row holds the column names. Reading is done by Apache Commons CSV.
 *
 * @param text the decoded content
 * @param encoding the encoding found
 * @param separator the separator found
 */
record ImportFile(String text, String encoding, char separator) {

    /** Windows-1252, which Excel uses on Dutch Windows for CSV without a byte order mark. */
    static final Charset WINDOWS = Charset.forName("windows-1252");

    /** Decodes a file and finds its separator; an empty or binary file is refused. */
    static ImportFile decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ValidationProblem.of("file", "feedback.data.import.file.empty");
        }
        String text;
        String encoding;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            encoding = "UTF-8";
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
            encoding = "UTF-16";
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
            encoding = "UTF-16";
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                encoding = "UTF-8";
            } catch (CharacterCodingException e) {
                text = new String(bytes, WINDOWS);
                encoding = "windows-1252";
            }
        }
        if (text.indexOf('\0') >= 0) {
            throw ValidationProblem.of("file", "feedback.data.import.file.notText");
        }
        if (text.isBlank()) {
            throw ValidationProblem.of("file", "feedback.data.import.file.empty");
        }
        return new ImportFile(text, encoding, separator(text));
    }

    /** The separator of the first line: the most frequent of semicolon, comma and tab outside quotes. */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The column names of the first row, stripped. */
    List<String> headers() {
        List<String> headers = new ArrayList<>();
        read(row -> {
            if (headers.isEmpty()) {
                row.cells().forEach(h -> headers.add(h.strip()));
                throw new StopReading();
            }
        });
        return headers;
    }

    /**
     * Reads every row after the first, in order.
     *
     * @throws ValidationProblem when the file breaks off inside a quoted cell
     */
    void rows(Consumer<Row> each) {
        read(row -> {
            if (row.number() > 1) {
                each.accept(row);
            }
        });
    }

    private void read(Consumer<Row> each) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false).get();
        long line = 1;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                line = parser.getCurrentLineNumber();
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                each.accept(new Row((int) record.getRecordNumber(), cells));
            }
        } catch (StopReading stop) {
            // the caller has what it needs
        } catch (IOException | UncheckedIOException e) {
            throw ValidationProblem.of("file", "feedback.data.import.file.unreadable", line + 1);
        }
    }

    /**
     * One row of the file.
     *
     * @param number the row number as a spreadsheet shows it: the column names are row 1
     */
    record Row(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** Spreadsheet name of a column: A, B ... Z, AA, AB ... */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    private static final class StopReading extends RuntimeException {

        StopReading() {
            super(null, null, false, false);
        }
    }
}
