package dev.rapport.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.business.BusinessProfile;
import dev.rapport.support.BrowserPages;
import dev.rapport.support.Browsers;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The email channel in real Chromium with real SMTP and IMAP (GreenMail): the admin adds a mailbox and tests the
 * connection, a customer's mail appears in the inbox, the agent replies in the browser, and the reply is in the
 * customer's IMAP inbox, threaded, with the files the agent attached (a file over the limit refused as it is chosen,
 * the draft kept).
 */
@RapportWebTest
@TestPropertySource(properties = {"rapport.mail.poll-interval=200ms", "rapport.email.poll-interval=1h",
        "rapport.email.idle.enabled=false", "rapport.attachments.max-size=1MB",
        "rapport.email.secret-key=browser-test-key"})
class EmailBrowserTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[]{ServerSetupTest.SMTP, ServerSetupTest.IMAP}));

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ImapPoller poller;

    private BrowserPages pages;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        pages = new BrowserPages(port);
    }

    @AfterEach
    void close() {
        pages.close();
    }

    @Test
    void aMailSentToTheMailboxIsAnsweredInTheBrowserAndTheReplyReachesTheCustomersImapInbox() throws Exception {
        String help = "help-" + UUID.randomUUID().toString().substring(0, 6) + "@harbourlane.test";
        greenMail.setUser(help, help, Mails.PASSWORD);
        String ana = "ana-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.test";
        greenMail.setUser(ana, ana, "ana-secret");

        Page admin = pages.signedIn(TestBusiness.ADMIN_EMAIL);
        admin.navigate(pages.url("/admin/email"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add mailbox")).click();
        assertThat(admin.locator("#form-error")).containsText("Enter the mailbox's address");
        admin.getByLabel("Address customers write to").fill(help);
        admin.getByLabel("Name customers see").fill("Harbour Lane Toys");
        admin.locator("#mb-imap-host").fill("127.0.0.1");
        admin.locator("#mb-imap-port").fill(String.valueOf(greenMail.getImap().getPort()));
        admin.locator("#mb-imap-security").selectOption("NONE");
        admin.locator("#mb-imap-user").fill(help);
        admin.locator("#mb-imap-password").fill(Mails.PASSWORD);
        admin.locator("#mb-smtp-host").fill("127.0.0.1");
        admin.locator("#mb-smtp-port").fill(String.valueOf(greenMail.getSmtp().getPort()));
        admin.locator("#mb-smtp-security").selectOption("NONE");
        admin.locator("#mb-smtp-user").fill(help);
        admin.locator("#mb-smtp-password").fill(Mails.PASSWORD);
        admin.getByLabel("Signature").fill("Harbour Lane Toys · 12 Harbour Lane");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add mailbox")).click();
        assertThat(admin.locator("#webhook-url")).containsText("/api/v1/inbound/email/rpm_");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Test connection")).click();
        assertThat(admin.locator("#connection-report h2")).hasText("Connection works");
        assertThat(admin.locator("#connection-report")).containsText("IMAP · Folder");
        assertThat(admin.locator("#mb-imap-password")).hasValue("");
        Browsers.screenshot(admin, "email-admin-mailbox");
        admin.navigate(pages.url("/admin/email"));
        assertThat(admin.locator("#mailboxes")).containsText(help);
        Browsers.screenshot(admin, "email-admin");

        Mails.send(greenMail, ana, "Ana Souza", help, "Missing engine",
                "Hello, the train set arrived without its engine.\n\nThanks,\nAna",
                Map.of("Message-ID", "<browser-" + ana + ">", "Cc", "Ben Souza <ben@customers.test>"));
        assertThat(poller.pollAll()).isEqualTo(1);

        Page maria = pages.signedIn(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT));
        Locator row = maria.locator(".conversation-row", new Page.LocatorOptions().setHasText("Missing engine"));
        assertThat(row).isVisible();
        row.locator("a").first().click();
        assertThat(maria.locator(".entry.message.inbound .message-body")).containsText("arrived without its engine");
        assertThat(maria.locator("#email-panel")).containsText("Harbour Lane Toys");
        assertThat(maria.locator("#email-panel")).containsText("ben@customers.test");
        maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
                .fill("Hello Ana, a new engine leaves today by express post.");
        Locator files = maria.locator("#composer-files");
        files.setInputFiles(new FilePayload("catalogue.pdf", "application/pdf", EmailAttachmentTests.pdf(1_500_000)));
        assertThat(maria.locator("#composer-files-error"))
                .hasText("catalogue.pdf is 1.4 MB; files can be at most 1 MB.");
        assertThat(maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Hello Ana, a new engine leaves today by express post.");
        maria.locator("#composer").screenshot(new Locator.ScreenshotOptions().setPath(java.nio.file.Path.of("target",
                "screenshots", "email-composer-too-large.png")));
        byte[] slip = EmailAttachmentTests.pdf(40_000);
        files.setInputFiles(new FilePayload[]{new FilePayload("Lieferschein Größe M.pdf", "application/pdf", slip),
                new FilePayload("engine.png", "image/png", EmailAttachmentTests.png(3_000))});
        assertThat(maria.locator("#composer-files-error")).isHidden();
        assertThat(maria.locator("#composer-files-list")).containsText("Lieferschein Größe M.pdf");
        maria.locator("#composer").screenshot(new Locator.ScreenshotOptions().setPath(java.nio.file.Path.of("target",
                "screenshots", "email-composer-files.png")));
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(maria.locator(".entry.message.reply")).containsText("a new engine leaves today");
        assertThat(maria.locator(".entry.message.reply .attachments")).containsText("Lieferschein Größe M.pdf");
        assertThat(maria.locator(".entry.message.reply .attachments")).containsText("engine.png");
        maria.locator(".entry.message.reply").scrollIntoViewIfNeeded();
        maria.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "email-reply-files.png")));
        assertThat(maria.locator("#email-panel")).containsText("Original messages");
        maria.locator("#email-panel").scrollIntoViewIfNeeded();
        maria.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "email-conversation.png")));

        Message reply = await().atMost(Duration.ofSeconds(20)).until(() -> imapInbox(ana).stream()
                .filter(m -> subject(m).startsWith("Re: Missing engine")).findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(reply.getSubject()).matches("Re: Missing engine \\[#\\d+]");
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo("<browser-" + ana + ">");
        assertThat(reply.getFrom()[0].toString()).contains(help);
        assertThat(reply.getHeader("Cc")[0]).contains("ben@customers.test");
        jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) reply.getContent();
        assertThat(mixed.getCount()).as("text and HTML, then the two files").isEqualTo(3);
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("Lieferschein Größe M.pdf");
        assertThat(mixed.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(slip);
        assertThat(mixed.getBodyPart(2).getFileName()).isEqualTo("engine.png");

        maria.locator("#email-panel .email-originals a").first().click();
        assertThat(maria.locator(".email-original")).containsText("arrived without its engine");
        Browsers.screenshot(maria, "email-original");
    }

    private java.util.List<Message> imapInbox(String user) throws Exception {
        Properties properties = new Properties();
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), user, "ana-secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            java.util.List<Message> messages = new java.util.ArrayList<>();
            for (Message message : inbox.getMessages()) {
                jakarta.mail.internet.MimeMessage copy = new jakarta.mail.internet.MimeMessage(
                        (jakarta.mail.internet.MimeMessage) message);
                messages.add(copy);
            }
            inbox.close(false);
            return messages;
        }
    }

    private static String subject(Message message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
