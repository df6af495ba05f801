package dev.rapport.email;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committed corpus ({@code src/test/resources/email/corpus}, written by its {@code generate.py}): clients'
 * quoting styles, charsets, encoded headers and file names, inline images, attachments, auto-replies, bounces, our
 * own mail, malformed MIME. Each file's expected reading is in {@code expected.txt} and asserted here.
 */
class EmailCorpusTests {

    record Case(String file, Map<String, String> expect) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> corpus() throws IOException {
        try (InputStream in = EmailCorpusTests.class.getResourceAsStream("/email/corpus/expected.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> {
                        String[] fields = line.split(" \\| ");
                        Map<String, String> expect = new LinkedHashMap<>();
                        for (int i = 1; i < fields.length; i++) {
                            int equals = fields[i].indexOf('=');
                            expect.put(fields[i].substring(0, equals), fields[i].substring(equals + 1));
                        }
                        return new Case(fields[0].strip(), expect);
                    }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachFileReadsAsExpected(Case c) throws IOException {
        byte[] raw;
        try (InputStream in = EmailCorpusTests.class.getResourceAsStream("/email/corpus/" + c.file())) {
            raw = in.readAllBytes();
        }
        Map<String, String> expect = c.expect();
        assertThat(Ingestion.keyOf(raw)).as("every message has an idempotency key").isNotBlank();
        if ("yes".equals(expect.get("unreadable"))) {
            assertThatThrownBy(() -> EmailParser.parse(raw)).isInstanceOf(EmailParser.UnreadableEmail.class);
            return;
        }
        ParsedEmail email = EmailParser.parse(raw);
        assertThat(MailKind.of(email, address -> address.equals("help@harbourlane.test")).name())
                .as("kind").isEqualTo(expect.get("kind"));
        assertThat(email.subject() == null ? "" : email.subject()).as("subject").isEqualTo(expect.get("subject"));
        for (String fragment : list(expect.get("text"))) {
            assertThat(email.text()).as("text").contains(fragment);
        }
        assertThat(email.files()).extracting(ParsedEmail.Part::fileName).as("files")
                .containsExactlyElementsOf(list(expect.get("files")));
        assertThat(email.files()).allSatisfy(part -> assertThat(part.content()).isNotEmpty());
        String sanitised = email.unsafeHtml() == null ? null : EmailParser.sanitise(email.unsafeHtml());
        if (expect.containsKey("html")) {
            assertThat(sanitised).as("html").isNotBlank();
        }
        for (String fragment : list(expect.get("htmlHas"))) {
            assertThat(sanitised).as("sanitised html keeps").contains(fragment);
        }
        for (String fragment : list(expect.get("htmlLacks"))) {
            assertThat(sanitised).as("sanitised html drops").doesNotContainIgnoringCase(fragment);
        }
        if (expect.containsKey("from")) {
            assertThat(email.from().address()).isEqualTo(expect.get("from"));
        }
        if (expect.containsKey("fromName")) {
            assertThat(email.from().name()).isEqualTo(expect.get("fromName"));
        }
        if (expect.containsKey("cc")) {
            assertThat(email.cc()).extracting(ParsedEmail.Address::address)
                    .containsExactlyElementsOf(list(expect.get("cc")));
        }
        if (expect.containsKey("references")) {
            assertThat(email.references()).first().isEqualTo(expect.get("references"));
        }
        if (expect.containsKey("threadIndex")) {
            assertThat(ThreadIndex.root(email.threadIndex())).isPresent();
        }
        if ("none".equals(expect.get("messageId"))) {
            assertThat(email.messageId()).isNull();
            assertThat(Ingestion.keyOf(raw)).startsWith("sha256:");
        }
        if (expect.containsKey("inline")) {
            assertThat(email.files()).anySatisfy(part -> {
                assertThat(part.contentId()).isEqualTo(expect.get("inline"));
                assertThat(part.inline()).isTrue();
            });
        }
        if (expect.containsKey("bounceOf")) {
            assertThat(email.bounce().originalMessageId()).isEqualTo(expect.get("bounceOf"));
            assertThat(email.bounce().reason()).isEqualTo(expect.get("bounceReason"));
        }
    }

    private static List<String> list(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(";"));
    }
}
