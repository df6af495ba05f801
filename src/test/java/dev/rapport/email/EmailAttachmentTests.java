package dev.rapport.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Attachment;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewAttachment;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.FreePorts;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import jakarta.mail.Folder;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Files agents attach to replies, end to end with real SMTP and IMAP (GreenMail): they are kept on the timeline, go
 * out as MIME parts around the text and HTML (non-ASCII names RFC 2231 encoded), survive an SMTP outage by
 * reference and arrive once, also on web-form replies; files over the limits are refused before anything is stored
 * or sent, with the draft kept on the page.
 */
@RapportWebTest
@TestPropertySource(properties = {"rapport.mail.poll-interval=100ms", "rapport.email.poll-interval=1h",
        "rapport.email.idle.enabled=false", "rapport.attachments.max-size=1MB", "rapport.attachments.max-per-message=3",
        "rapport.attachments.directory=target/test-attachments", "rapport.email.secret-key=attachments-key",
        "spring.mail.host=127.0.0.1"})
class EmailAttachmentTests {

    static final int SMTP_PORT = FreePorts.any();
    static final int IMAP_PORT = FreePorts.any();

    @DynamicPropertySource
    static void defaultSmtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired MailboxDirectory directory;
    @Autowired Ingestion ingestion;
    @Autowired Desk desk;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired JdbcClient jdbc;
    @Autowired ControllableClock clock;
    @Autowired MockMvcTester mvc;

    GreenMail greenMail;
    SignedInAgent maria;
    String help;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        maria = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, Role.AGENT))).orElseThrow());
        greenMail = new GreenMail(new ServerSetup[]{new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        help = "files-" + UUID.randomUUID().toString().substring(0, 6) + "@harbourlane.test";
        mailbox = directory.create(new MailboxForm(EmailAddress.of(help), "Harbour Lane Toys", null, "127.0.0.1",
                IMAP_PORT, Mailbox.Security.NONE, help, Mails.PASSWORD, "INBOX", Mailbox.AfterImport.MARK_READ, null,
                "127.0.0.1", SMTP_PORT, Mailbox.Security.NONE, help, Mails.PASSWORD, null, false, true)).mailbox();
    }

    @AfterEach
    void tearDown() {
        clock.resume();
        greenMail.stop();
    }

    @Test
    void aReplyWithTwoFilesQueuedDuringAnSmtpOutageArrivesOnceInTheCustomersInboxWithTheFilesIntact()
            throws Exception {
        String ana = "ana-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.test";
        Conversation conversation = emailFrom(ana);
        byte[] pdf = pdf(200_000);
        byte[] csv = "item;count\ncaboose;1\nTriebwagen für Gleis 3;2\n".getBytes(StandardCharsets.UTF_8);
        String pdfName = "Rechnung März – Größe 2.pdf";

        Message reply = desk.reply(conversation.id(), maria, "Here are the invoice and the packing list.", null, null,
                Map.of(), List.of(file(pdfName, "application/octet-stream", pdf), file("packing list.csv", "text/csv",
                        csv)));

        List<Attachment> kept = desk.attachmentsOf(reply.id());
        assertThat(kept).extracting(Attachment::fileName).containsExactly(pdfName, "packing list.csv");
        assertThat(kept).extracting(Attachment::contentType).as("the PDF is known by its first bytes")
                .containsExactly("application/pdf", "text/csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(reply) >= 1);
        assertThat(jdbc.sql("select count(*) from outbound_mail_file f join outbound_mail m on m.id = f.outbound_mail "
                + "where m.reference = ?").param("email:" + reply.id()).query(Long.class).single())
                .as("the outbox keeps the files by reference").isEqualTo(2);
        assertThat(desk.message(reply.id()).orElseThrow().delivery()).isEqualTo(Message.Delivery.QUEUED);

        greenMail.start();
        greenMail.setUser(help, help, Mails.PASSWORD);
        greenMail.setUser(ana, ana, "secret");
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(desk.message(reply.id()).orElseThrow()
                .delivery()).isEqualTo(Message.Delivery.SENT));
        Thread.sleep(500);

        List<byte[]> inbox = imapInbox(ana, "secret");
        assertThat(inbox).as("exactly once").hasSize(1);
        String raw = new String(inbox.getFirst(), StandardCharsets.US_ASCII);
        assertThat(raw).as("RFC 2231 file name").contains("filename*=UTF-8''Rechnung%20M%C3%A4rz");
        MimeMessage sent = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(inbox.getFirst()));
        assertThat(sent.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) sent.getContent();
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(mixed.getCount()).isEqualTo(3);
        assertThat(mixed.getBodyPart(1).getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo(pdfName);
        assertThat(mixed.getBodyPart(1).getContentType()).startsWith("application/pdf");
        assertThat(mixed.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(pdf);
        assertThat(mixed.getBodyPart(2).getFileName()).isEqualTo("packing list.csv");
        assertThat(mixed.getBodyPart(2).getInputStream().readAllBytes()).isEqualTo(csv);

        ParsedEmail parsed = EmailParser.parse(inbox.getFirst());
        assertThat(parsed.text()).contains("Here are the invoice and the packing list.");
    }

    @Test
    void aWebFormReplyCarriesItsFilesToo() throws Exception {
        greenMail.start();
        String ben = "ben-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.test";
        greenMail.setUser(ben, ben, "secret");
        Conversation conversation = desk.start(new NewConversation("Where is my order?",
                new Requester("Ben", EmailAddress.of(ben)), Channel.WEB_FORM, "It has not arrived.", null));
        byte[] photo = png(5_000);
        Message reply = desk.reply(conversation.id(), maria, "This is the parcel as it left us.", null, null,
                Map.of(), List.of(file("parcel.png", "image/png", photo)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(desk.message(reply.id()).orElseThrow()
                .delivery()).isEqualTo(Message.Delivery.SENT));
        List<byte[]> inbox = imapInbox(ben, "secret");
        assertThat(inbox).hasSize(1);
        MimeMessage sent = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(inbox.getFirst()));
        Multipart mixed = (Multipart) sent.getContent();
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("parcel.png");
        assertThat(mixed.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(photo);
    }

    @Test
    void filesOverTheLimitsAreRefusedBeforeAnythingIsStoredOrSent() {
        String cleo = "cleo-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.test";
        Conversation conversation = emailFrom(cleo);
        long before = messages(conversation);

        assertThatThrownBy(() -> desk.reply(conversation.id(), maria, "The scan.", null, null, Map.of(),
                List.of(file("scan.pdf", "application/pdf", pdf(1_200_000)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("files can be at most 1 MB");
        assertThatThrownBy(() -> desk.reply(conversation.id(), maria, "Four photos.", null, null, Map.of(),
                List.of(file("1.png", null, png(10)), file("2.png", null, png(10)), file("3.png", null, png(10)),
                        file("4.png", null, png(10)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3");
        assertThatThrownBy(() -> desk.note(conversation.id(), maria, "Run this.", Map.of(),
                List.of(file("fix.exe", "application/octet-stream", new byte[]{'M', 'Z'}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("could run code");

        assertThat(messages(conversation)).as("nothing stored").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from outbound_mail where recipient = ?").param(cleo).query(Long.class)
                .single()).as("nothing sent").isZero();
    }

    @Test
    void aNoteKeepsItsFilesForAgentsAndSendsNothing() {
        String dan = "dan-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.test";
        Conversation conversation = emailFrom(dan);
        byte[] fake = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        Message note = desk.note(conversation.id(), maria, "The supplier's answer.", Map.of(),
                List.of(file("answer.png", "image/png", fake)));
        assertThat(desk.attachmentsOf(note.id())).singleElement().satisfies(file ->
                assertThat(file.contentType()).as("not an image just because the browser said so")
                        .isEqualTo("application/octet-stream"));
        assertThat(jdbc.sql("select count(*) from outbound_mail where recipient = ?").param(dan).query(Long.class)
                .single()).isZero();
    }

    @Test
    void theComposerAttachesFilesAndATooLargeOneIsAnInlineErrorWithTheDraftKept() {
        String eve = "eve-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.test";
        Conversation conversation = emailFrom(eve);
        String page = "/conversations/" + conversation.number();

        var tooLarge = mvc.perform(MockMvcRequestBuilders.multipart(page + "/messages")
                .file(new MockMultipartFile("files", "<img src=x onerror=alert(1)>.pdf", "application/pdf", pdf(1_100_000)))
                .param("type", "reply").param("body", "My draft about the <refund>").with(csrf()).with(as(maria)));
        assertThat(tooLarge).hasStatusOk().bodyText()
                .contains("&lt;img src=x onerror=alert(1)&gt;.pdf is 1.0 MB; files can be at most 1 MB.")
                .contains("choose the files to attach again")
                .contains("My draft about the &lt;refund&gt;")
                .doesNotContain("<img src=x");
        assertThat(jdbc.sql("select count(*) from outbound_mail where recipient = ?").param(eve).query(Long.class)
                .single()).isZero();

        assertThat(mvc.perform(MockMvcRequestBuilders.multipart(page + "/messages")
                .file(new MockMultipartFile("files", "label.pdf", "application/pdf", pdf(100)))
                .param("type", "reply").param("body", "The label.").with(as(maria))))
                .as("no CSRF token").hasStatus(HttpStatus.FORBIDDEN);

        SignedInAgent outsider = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, Role.TEAMMATE))).orElseThrow());
        assertThat(mvc.perform(MockMvcRequestBuilders.multipart(page + "/messages")
                .file(new MockMultipartFile("files", "label.pdf", "application/pdf", pdf(100)))
                .param("type", "note").param("body", "Not mine.").with(csrf()).with(as(outsider))))
                .as("a teammate not brought in cannot see the conversation").hasStatus(HttpStatus.FORBIDDEN);
        assertThat(messages(conversation)).isEqualTo(1);

        var sent = mvc.perform(MockMvcRequestBuilders.multipart(page + "/messages")
                .file(new MockMultipartFile("files", "label.pdf", "application/pdf", pdf(100)))
                .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                .param("type", "reply").param("body", "The return label.").with(csrf()).with(as(maria)));
        assertThat(sent).hasStatus(HttpStatus.FOUND);
        Message reply = desk.messages(conversation.id()).getLast();
        assertThat(reply.body()).startsWith("The return label.");
        assertThat(desk.attachmentsOf(reply.id())).extracting(Attachment::fileName).containsExactly("label.pdf");
        assertThat(mvc.get().uri(page).with(as(maria))).hasStatusOk().bodyText().contains("label.pdf")
                .contains("enctype=\"multipart/form-data\"").contains("name=\"files\"");
    }

    private Conversation emailFrom(String customer) {
        ingestion.accept(mailbox.id(), ("From: " + customer + "\r\nTo: " + help + "\r\nSubject: Order 1042\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@customers.test>\r\n\r\nWhere is it?\r\n").getBytes());
        UUID id = jdbc.sql("select id from conversation where requester_email = ?").param(customer)
                .query(UUID.class).single();
        return desk.find(new Conversation.ConversationId(id)).orElseThrow();
    }

    private long messages(Conversation conversation) {
        return jdbc.sql("select count(*) from message where conversation = ?").param(conversation.id().value())
                .query(Long.class).single();
    }

    private int attempts(Message reply) {
        return jdbc.sql("select attempts from outbound_mail where reference = ?").param("email:" + reply.id())
                .query(Integer.class).optional().orElse(0);
    }

    /** The customer's INBOX read over IMAP, as their mail client would, raw. */
    private List<byte[]> imapInbox(String user, String password) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(IMAP_PORT));
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", IMAP_PORT, user, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<byte[]> raw = new ArrayList<>();
            for (jakarta.mail.Message message : inbox.getMessages()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                message.writeTo(out);
                raw.add(out.toByteArray());
            }
            inbox.close(false);
            return raw;
        }
    }

    private static NewAttachment file(String name, String type, byte[] bytes) {
        return new NewAttachment(name, type, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[Math.max(size, 8)];
        new Random(size).nextBytes(bytes);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, bytes, 0, 8);
        return bytes;
    }

    private static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
