package dev.rapport.customers.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

/**
 * An uploaded CSV file read as people make them: UTF-8 with or without a byte order mark, UTF-16 from "Unicode
 * text" exports, or Windows-1252 from older spreadsheets; separated by commas, semicolons, tabs or bars; quoted
 * cells may hold separators and line breaks. Whatever is wrong with a file is said in words, with the row.
 */
final class CsvFile {

    static final int MAX_COLUMNS = 100;
    static final int MAX_HEADING = 200;
    static final List<String> ENCODINGS = List.of("UTF-8", "UTF-16", "windows-1252");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final String text;
    private final String encoding;
    private final char delimiter;
    private final List<String> headings;

    private CsvFile(String text, String encoding, char delimiter, List<String> headings) {
        this.text = text;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.headings = headings;
    }

    /**
     * @param encoding one of {@link #ENCODINGS}, or null to recognise it
     * @throws UnreadableCsv saying why the file cannot be imported
     */
    static CsvFile read(byte[] bytes, String encoding) {
        if (bytes.length == 0) {
            throw new UnreadableCsv("The file is empty.");
        }
        Decoded decoded = decode(bytes, encoding);
        if (looksBinary(decoded.text())) {
            throw new UnreadableCsv("This is not a CSV text file: it holds binary data. In your spreadsheet, choose "
                    + "Save as → CSV (UTF-8).");
        }
        char delimiter = delimiterOf(decoded.text());
        return new CsvFile(decoded.text(), decoded.encoding(), delimiter, headingsOf(decoded.text(), delimiter));
    }

    /** Re-reads a stored upload with what was recognised when it came in. */
    static CsvFile read(byte[] bytes, String encoding, char delimiter) {
        String text = decode(bytes, encoding).text();
        return new CsvFile(text, encoding, delimiter, headingsOf(text, delimiter));
    }

    String encoding() {
        return encoding;
    }

    char delimiter() {
        return delimiter;
    }

    List<String> headings() {
        return headings;
    }

    /**
     * Each data row in order, numbered as a spreadsheet shows them (the headings are row 1), from {@code firstRow}.
     *
     * @throws UnreadableCsv when the file's structure breaks, e.g. a quote that is never closed
     */
    void rows(int firstRow, Consumer<Row> each) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format())) {
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber();
                if (row >= 2 && row >= firstRow) {
                    each.accept(new Row(row, record.toList()));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableCsv("The file breaks off: " + readable(e) + " Check for a quote (\") that is never "
                    + "closed.");
        }
    }

    /** How many data rows the file has; reading them all also proves its structure holds to the end. */
    int countRows() {
        int[] count = {0};
        rows(2, row -> count[0]++);
        return count[0];
    }

    /** A row as it would look in the file, for the rejection report. */
    String original(List<String> cells) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().format(cells.toArray());
    }

    private CSVFormat format() {
        return format(delimiter);
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true).get();
    }

    /** One data row: its number as a spreadsheet shows it and its cells. */
    record Row(int number, List<String> cells) {
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    private record Decoded(String text, String encoding) {
    }

    private static Decoded decode(byte[] bytes, String encoding) {
        boolean utf16Mark = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
        if (utf16Mark || "UTF-16".equals(encoding)) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_16), "UTF-16");
        }
        if ("windows-1252".equals(encoding)) {
            return new Decoded(new String(bytes, WINDOWS_1252), "windows-1252");
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF ? 3 : 0;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException e) {
            if ("UTF-8".equals(encoding)) {
                throw new UnreadableCsv("The file is not UTF-8 text. Choose Windows-1252 (Western European), or "
                        + "save it from your spreadsheet as CSV (UTF-8).");
            }
            return new Decoded(new String(bytes, WINDOWS_1252), "windows-1252");
        }
    }

    private static boolean looksBinary(String text) {
        int sample = Math.min(text.length(), 64 * 1024);
        int odd = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFD) {
                odd++;
            }
        }
        return odd > sample / 100;
    }

    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = 0;
        for (char candidate : new char[]{',', ';', '\t', '|'}) {
            long count = first.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    private static List<String> headingsOf(String text, char delimiter) {
        List<String> cells;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format(delimiter))) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadableCsv("The file has no rows.");
            }
            cells = records.next().toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableCsv("The first line cannot be read: " + readable(e));
        }
        if (cells.size() > MAX_COLUMNS) {
            throw new UnreadableCsv("The first line has " + cells.size() + " columns; " + MAX_COLUMNS
                    + " at most. Is this a CSV file of customers?");
        }
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String heading = cells.get(i).strip();
            if (heading.length() > MAX_HEADING) {
                throw new UnreadableCsv("The first line should hold column headings, but column " + (i + 1)
                        + " has " + heading.length() + " characters. Is this a CSV file of customers?");
            }
            headings.add(heading.isEmpty() ? "Column " + (i + 1) : heading);
        }
        return List.copyOf(headings);
    }

    private static String readable(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
