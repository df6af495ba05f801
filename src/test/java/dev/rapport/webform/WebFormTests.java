package dev.rapport.webform;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.TestBusiness;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The contact page end to end with a real SMTP server (GreenMail): conversation, acknowledgement, reply by email. */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "rapport.mail.poll-interval=200ms", "rapport.mail.from=help@harbourlane.example",
        "rapport.webform.max-submissions-per-client=3", "rapport.attachments.max-size=2KB",
        "rapport.attachments.directory=target/test-attachments", "rapport.webform.embed-origins=https://shop.example"})
@AutoConfigureMockMvc
class WebFormTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
    }

    @Test
    void aSubmissionBecomesAConversationIsAcknowledgedAndTheReplyArrivesByEmail() throws Exception {
        String email = "ana-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.example";
        var result = mvc.post().uri("/contact").with(csrf()).with(client("10.1.0.1"))
                .param("name", "Ana Souza").param("email", email).param("subject", "Missing engine")
                .param("message", "The train set arrived without its engine.").param("website", "").exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/contact/thanks");
        long number = (Long) result.getMvcResult().getFlashMap().get("reference");
        Conversation conversation = desk.findByNumber(number).orElseThrow();
        assertThat(conversation.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(conversation.requester().email()).isEqualTo(EmailAddress.of(email));

        MimeMessage ack = mailWithSubject("We received your message [#" + number + "]");
        assertThat(ack.getAllRecipients()[0].toString()).contains(email);
        assertThat(GreenMailUtil.getBody(ack)).contains("The train set arrived without its engine.");

        SignedInAgent maria = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, Role.AGENT))).orElseThrow());
        Message reply = desk.reply(conversation.id(), maria, "A new engine is on its way today.", null, null);

        MimeMessage sent = mailWithSubject("Re: Missing engine [#" + number + "]");
        assertThat(sent.getFrom()[0].toString()).contains("help@harbourlane.example");
        assertThat(GreenMailUtil.getBody(sent)).contains("A new engine is on its way today.");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(desk.message(reply.id()).orElseThrow()
                .delivery()).isEqualTo(Message.Delivery.SENT));
    }

    @Test
    void theFormCanBeEmbeddedOnlyOnTheBusinesssOwnSiteAndWorksWithoutASessionToken() {
        assertThat(mvc.get().uri("/contact")).hasStatusOk().headers()
                .doesNotContainHeader("X-Frame-Options")
                .hasHeaderSatisfying("Content-Security-Policy", values -> assertThat(values.getFirst())
                        .contains("frame-ancestors https://shop.example").contains("script-src 'self'"));
        assertThat(mvc.get().uri("/login")).headers().hasValue("X-Frame-Options", "DENY");
        assertThat(mvc.post().uri("/contact").with(client("10.1.0.9")).param("name", "Gil")
                .param("email", "gil@customers.example").param("message", "From the shop's page"))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/contact/thanks");
    }

    @Test
    void badInputShowsInlineErrorsAndKeepsWhatWasTyped() {
        assertThat(mvc.post().uri("/contact").with(csrf()).with(client("10.1.0.2"))
                .param("name", "Ben").param("email", "not-an-address").param("message", "My long story, kept."))
                .hasStatusOk()
                .bodyText().contains("Enter an email address like ana@example.com.").contains("My long story, kept.");
    }

    @Test
    void theHoneypotStopsBotsWithoutTellingThem() {
        String email = "bot-" + UUID.randomUUID().toString().substring(0, 6) + "@spam.example";
        assertThat(mvc.post().uri("/contact").with(csrf()).with(client("10.1.0.3"))
                .param("name", "Bot").param("email", email).param("message", "Cheap watches")
                .param("website", "http://spam.example"))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/contact/thanks");
        assertThat(mvc.get().uri("/inbox").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.anonymous())).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("select count(*) from conversation where requester_email = ?").param(email)
                .query(Long.class).single()).as("no conversation for a bot").isZero();
    }

    @Test
    void oneNetworkAddressCanSendOnlyAFewMessagesPerWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(submitFrom("10.1.0.4", i)).hasStatus(HttpStatus.FOUND);
        }
        assertThat(submitFrom("10.1.0.4", 4)).hasStatusOk().bodyText()
                .contains("Please wait ten minutes").contains("Message 4");
        assertThat(submitFrom("10.1.0.5", 5)).hasStatus(HttpStatus.FOUND);
    }

    /** Waits for the mail with this subject; other tests' mail may arrive at the same server. */
    private static MimeMessage mailWithSubject(String subject) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return subject.equals(message.getSubject());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    @Test
    void aPhotoTravelsWithTheMessageAndOnlyAgentsWhoSeeTheConversationCanOpenIt() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/contact").file(new org.springframework.mock.web.MockMultipartFile("attachment",
                        "broken-box.png", "image/png", png))
                .param("name", "Ana").param("email", "ana@customers.example").param("message", "See the photo.")
                .with(csrf()).with(client("10.1.0.6")));
        assertThat(result).hasStatus(HttpStatus.FOUND);
        long number = (Long) result.getMvcResult().getFlashMap().get("reference");
        Conversation conversation = desk.findByNumber(number).orElseThrow();
        var attachments = desk.attachments(conversation.id()).values().stream().flatMap(java.util.List::stream).toList();
        assertThat(attachments).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("broken-box.png");
            assertThat(file.sizeBytes()).isEqualTo(png.length);
        });

        SignedInAgent agent = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, Role.AGENT))).orElseThrow());
        assertThat(mvc.get().uri("/attachments/" + attachments.getFirst().id()).with(org.springframework.security
                .test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
                        new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(agent, null,
                                agent.getAuthorities()))))
                .hasStatusOk().hasContentType("image/png").body().isEqualTo(png);
        assertThat(mvc.get().uri("/attachments/" + attachments.getFirst().id())).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void filesThatCouldRunCodeOrAreTooLargeAreRefusedAndTheTextIsKept() throws Exception {
        var exe = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/contact")
                .file(new org.springframework.mock.web.MockMultipartFile("attachment", "invoice.pdf.exe",
                        "application/octet-stream", new byte[] {'M', 'Z'}))
                .param("name", "Eve").param("email", "eve@customers.example").param("message", "Open my invoice")
                .with(csrf()).with(client("10.1.0.7")));
        assertThat(exe).hasStatusOk().bodyText().contains("Files of type .exe cannot be attached")
                .contains("Open my invoice");

        var large = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/contact")
                .file(new org.springframework.mock.web.MockMultipartFile("attachment", "scan.pdf", "application/pdf",
                        new byte[4096]))
                .param("name", "Fay").param("email", "fay@customers.example").param("message", "My scan")
                .with(csrf()).with(client("10.1.0.7")));
        assertThat(large).hasStatusOk().bodyText().contains("files can be at most");
        assertThat(jdbc.sql("select count(*) from conversation where requester_email in (?, ?)")
                .params("eve@customers.example", "fay@customers.example").query(Long.class).single()).isZero();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult submitFrom(String address, int i) {
        return mvc.post().uri("/contact").with(csrf()).with(client(address))
                .param("name", "Customer " + i).param("email", "c" + i + "@customers.example")
                .param("message", "Message " + i).exchange();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor client(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
