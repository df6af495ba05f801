package dev.rapport.chat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
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
import dev.rapport.conversations.Status;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.FreePorts;
import dev.rapport.support.TestBusiness;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Files in chat over real HTTP, on whichever database the suite runs: a visitor sends a picture or a document (checked
 * by size, by name and by its first bytes, stored on their message once however often it is resent), downloads only
 * the files of their own chat, and only from the widget's websites; agents get a cue for a new chat and for the
 * visitor writing again; the transcript arrives by email (real SMTP, GreenMail) with every line in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mail.host=127.0.0.1", "rapport.mail.poll-interval=200ms", "rapport.mail.from=help@toyshop.example",
        "rapport.chat.files.max-size=64KB", "rapport.attachments.directory=target/test-attachments"})
class ChatFileTests {

    private static final String ORIGIN = "https://shop.example";
    private static final int SMTP_PORT = FreePorts.any();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired WidgetDirectory widgets;
    @Autowired ChatDesk chats;
    @Autowired ChatFanOut fanOut;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;

    private final HttpClient http = HttpClient.newHttpClient();
    private ChatWidget widget;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        widget = widgets.create(new WidgetTerms("Files " + UUID.randomUUID(), null, "#22614f", "Hi!", "Away.",
                ORIGIN, ChatWidget.Field.OPTIONAL, ChatWidget.Field.OPTIONAL, false));
    }

    private String newVisitor() {
        return chats.hello(widget, null, 0, ORIGIN + "/cart", null).token();
    }

    private static String id() {
        return "c" + UUID.randomUUID().toString().replace("-", "");
    }

    private HttpResponse<String> upload(String origin, String token, String clientId, String fileName, byte[] content) {
        String boundary = "----rapport" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n" + clientId
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAna Lima\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/chat/visitor/files?w="
                            + widget.publicKey() + "&token=" + token)).header("Origin", origin)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> download(String origin, String token, String attachment) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/chat/visitor/files/"
                + attachment + "?w=" + widget.publicKey() + "&token=" + token)).header("Origin", origin).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x60);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Conversation conversationOf(String token) {
        UUID conversation = chats.visitor(widget, token).orElseThrow().conversation();
        return desk.find(new Conversation.ConversationId(conversation)).orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPictureIsStoredOnTheVisitorsMessageAndAResendIsTheSameLine() {
        String token = newVisitor();
        String clientId = id();
        byte[] photo = png(40, 30);

        HttpResponse<String> sent = upload(ORIGIN, token, clientId, "broken-engine.png", photo);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        Map<String, Object> ack = ChatJson.read(sent.body());
        assertThat(ack).containsEntry("type", "ack").containsEntry("id", clientId).containsEntry("duplicate", false);
        Map<String, Object> file = ((List<Map<String, Object>>) ((Map<String, Object>) ack.get("line")).get("files"))
                .getFirst();
        assertThat(file).containsEntry("name", "broken-engine.png").containsEntry("type", "image/png")
                .containsEntry("image", true);

        Conversation conversation = conversationOf(token);
        assertThat(conversation.channel()).isEqualTo(Channel.CHAT);
        assertThat(conversation.requester().name()).isEqualTo("Ana Lima");
        Message message = desk.messages(conversation.id()).getFirst();
        assertThat(message.body()).isEqualTo("broken-engine.png");
        List<Attachment> stored = desk.attachments(conversation.id()).get(message.id());
        assertThat(stored).singleElement().satisfies(attachment -> {
            assertThat(attachment.contentType()).isEqualTo("image/png");
            assertThat(attachment.sizeBytes()).isEqualTo(photo.length);
            assertThat(attachment.id().toString()).isEqualTo(file.get("id"));
        });

        HttpResponse<String> resent = upload(ORIGIN, token, clientId, "broken-engine.png", photo);
        assertThat(resent.statusCode()).isEqualTo(200);
        Map<String, Object> again = ChatJson.read(resent.body());
        assertThat(again).containsEntry("duplicate", true).containsEntry("seq", ack.get("seq"));
        assertThat(desk.messages(conversation.id())).hasSize(1);
        assertThat(desk.attachments(conversation.id()).values().stream().mapToInt(List::size).sum()).isEqualTo(1);

        List<Map<String, Object>> history = chats.linesJson(chats.hello(widget, token, 0, null, null).lines());
        assertThat(history).singleElement().satisfies(line -> assertThat(line.get("files")).asList().hasSize(1));
    }

    @Test
    void aVisitorDownloadsTheFilesOfTheirOwnChatOnlyAsAnAttachment() throws Exception {
        String token = newVisitor();
        byte[] photo = png(20, 20);
        Map<String, Object> ack = ChatJson.read(upload(ORIGIN, token, id(), "receipt.png", photo).body());
        @SuppressWarnings("unchecked")
        String attachment = (String) ((List<Map<String, Object>>) ((Map<String, Object>) ack.get("line"))
                .get("files")).getFirst().get("id");

        HttpResponse<byte[]> own = download(ORIGIN, token, attachment);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(photo);
        assertThat(own.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                .contains("receipt.png");
        assertThat(own.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);

        String someoneElse = newVisitor();
        assertThat(download(ORIGIN, someoneElse, attachment).statusCode()).isEqualTo(404);
        assertThat(download(ORIGIN, "cv_forged", attachment).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> foreign = download("https://evil.example", token, attachment);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(download(ORIGIN, token, UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFileTheAgentAttachesToAReplyReachesTheVisitorAndOnlyThem() throws Exception {
        String token = newVisitor();
        upload(ORIGIN, token, id(), "engine.png", png(10, 10));
        Conversation conversation = conversationOf(token);
        SignedInAgent maria = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, Role.AGENT))).orElseThrow());
        byte[] manual = "%PDF-1.4\n% the repair manual\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        desk.reply(conversation.id(), maria, "Here is the manual.", Status.OPEN, null, Map.of(),
                List.of(new NewAttachment("Reparaturanleitung für Motor.pdf", "application/pdf", manual.length,
                        () -> new java.io.ByteArrayInputStream(manual))));

        List<Map<String, Object>> history = chats.linesJson(chats.hello(widget, token, 0, null, null).lines());
        Map<String, Object> answer = history.stream().filter(line -> "Here is the manual.".equals(line.get("body")))
                .findFirst().orElseThrow();
        Map<String, Object> file = ((List<Map<String, Object>>) answer.get("files")).getFirst();
        assertThat(file).containsEntry("name", "Reparaturanleitung für Motor.pdf").containsEntry("image", false);

        HttpResponse<byte[]> own = download(ORIGIN, token, (String) file.get("id"));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(manual);
        assertThat(own.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(download(ORIGIN, newVisitor(), (String) file.get("id")).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesFilesTooBigOfTypesNotAllowedOrNotWhatTheirNameSaysAndStoresNothing() {
        String token = newVisitor();
        byte[] big = new byte[65 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);

        HttpResponse<String> tooBig = upload(ORIGIN, token, id(), "manual.pdf", big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(ChatJson.read(tooBig.body())).containsEntry("code", "file-too-big");
        assertThat((String) ChatJson.read(tooBig.body()).get("message")).contains("at most 64 KB");

        for (var refused : List.of(
                Map.entry("page.html", "<html><body>hi</body></html>"),
                Map.entry("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
                Map.entry("setup.exe", "MZ\u0090\u0000"),
                Map.entry("notes.txt", "MZ\u0090\u0000 a program in disguise"),
                Map.entry("readme.txt", "  <!DOCTYPE html><script>alert(1)</script>"),
                Map.entry("photo.png", "not a picture at all"),
                Map.entry("invoice.pdf", "<html>not a pdf</html>"),
                Map.entry("no-type", "just text"))) {
            HttpResponse<String> response = upload(ORIGIN, token, id(), refused.getKey(),
                    refused.getValue().getBytes(StandardCharsets.ISO_8859_1));
            assertThat(response.statusCode()).as(refused.getKey()).isEqualTo(415);
            assertThat(ChatJson.read(response.body())).as(refused.getKey()).containsEntry("code", "file-type");
        }
        HttpResponse<String> empty = upload(ORIGIN, token, id(), "empty.txt", new byte[0]);
        assertThat(ChatJson.read(empty.body())).containsEntry("code", "file-empty");

        assertThat(chats.visitor(widget, token).orElseThrow().conversation()).as("no chat was started").isNull();
        HttpResponse<String> fine = upload(ORIGIN, token, id(), "Order list.xlsx",
                new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0});
        assertThat(fine.statusCode()).isEqualTo(200);
        Conversation conversation = conversationOf(token);
        assertThat(desk.attachments(conversation.id()).values().stream().flatMap(List::stream)
                .map(Attachment::contentType)).containsExactly(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void refusesOtherWebsitesUnknownTokensAndUnknownWidgets() throws Exception {
        String token = newVisitor();
        HttpResponse<String> foreign = upload("https://evil.example", token, id(), "photo.png", png(4, 4));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> forged = upload(ORIGIN, "cv_forged", id(), "photo.png", png(4, 4));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(ChatJson.read(forged.body())).containsEntry("code", "hello-first");
        HttpResponse<String> badId = upload(ORIGIN, token, "x", "photo.png", png(4, 4));
        assertThat(ChatJson.read(badId.body())).containsEntry("code", "bad-id");
        HttpResponse<String> noWidget = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/chat/visitor/files?w=cw_nope&token=" + token)).header("Origin", ORIGIN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noWidget.statusCode()).isEqualTo(404);
        assertThat(chats.visitor(widget, token).orElseThrow().conversation()).isNull();
    }

    @Test
    void agentsGetACueForANewChatAndForTheVisitorWritingAgain() throws Exception {
        List<Map<String, Object>> cues = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = fanOut.subscribe(ChatCues.TOPIC, json -> cues.add(ChatJson.read(json)))) {
            String token = newVisitor();
            UUID visitor = chats.visitor(widget, token).orElseThrow().id();
            chats.say(widget, visitor, id(), "Is the castle <b>in stock</b>?", "Paul", null);
            long number = conversationOf(token).number();
            chats.say(widget, visitor, id(), "The big one", null, null);
            await().atMost(Duration.ofSeconds(5)).until(() -> cues.stream()
                    .filter(cue -> Long.valueOf(number).equals(((Number) cue.get("number")).longValue())).count() == 2);
            List<Map<String, Object>> mine = cues.stream()
                    .filter(cue -> Long.valueOf(number).equals(((Number) cue.get("number")).longValue())).toList();
            assertThat(mine).extracting(cue -> cue.get("type")).containsExactly("new-chat", "visitor-wrote");
            assertThat(mine.getFirst()).containsEntry("name", "Paul")
                    .containsEntry("text", "Is the castle <b>in stock</b>?");
        }
    }

    @Test
    void theTranscriptArrivesByEmailWithEveryLineInOrderNamesAndTimesAndNothingRenderedAsHtml() throws Exception {
        String token = newVisitor();
        UUID visitor = chats.visitor(widget, token).orElseThrow().id();
        chats.say(widget, visitor, id(), "Hello, my <b>train</b> & its engine are missing", "Ana Lima", null);
        Conversation conversation = conversationOf(token);
        upload(ORIGIN, token, id(), "parcel.png", png(10, 10));
        SignedInAgent maria = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, Role.AGENT))).orElseThrow());
        desk.reply(conversation.id(), maria, "Sorry, Ana! A new engine leaves today.", null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> chats.hello(widget, token, 0, null, null).lines().size() == 3);
        chats.say(widget, visitor, id(), "Thank you <3", null, null);

        String address = "ana-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.example";
        HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/chat/visitor/send?w=" + widget.publicKey() + "&token=" + token)).header("Origin", ORIGIN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(ChatJson.write(
                        Map.of("type", "transcript", "id", id(), "email", address)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asked.body()).contains("transcript-sent");

        await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(mail -> recipient(mail).contains(address)));
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).contains(address))
                .findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Your chat with us [#" + conversation.number() + "]");
        assertThat(mail.getContentType()).startsWith("text/plain");
        String decoded = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(decoded).containsSubsequence(
                "Ana Lima (", "):\nHello, my <b>train</b> & its engine are missing\n",
                "Ana Lima (", "):\n[Attached: parcel.png, ",
                maria.name() + " (", "):\nSorry, Ana! A new engine leaves today.",
                "Ana Lima (", "):\nThank you <3\n");
        assertThat(decoded).containsPattern("Ana Lima \\(\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}\\)");
        assertThat(decoded).doesNotContain("&lt;").doesNotContain("&amp;");
    }

    private static String recipient(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
