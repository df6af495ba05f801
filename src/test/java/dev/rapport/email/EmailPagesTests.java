package dev.rapport.email;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Admin → Email for admins only (inline errors, passwords never shown back), the raw-MIME webhook (no session, no
 * CSRF token, problem details, 404 for unknown tokens, a rate limit), and the original message for those who may see
 * the conversation (remote images blocked until allowed, the raw .eml to download).
 */
@RapportWebTest
@TestPropertySource(properties = {"rapport.email.webhook-per-minute=5", "rapport.email.poll-interval=1h",
        "rapport.email.secret-key=pages-test-key"})
class EmailPagesTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired MailboxDirectory directory;
    @Autowired JdbcClient jdbc;

    SignedInAgent admin;
    SignedInAgent maria;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        admin = agent(Role.ADMIN);
        maria = agent(Role.AGENT);
    }

    @Test
    void onlyAdminsManageMailboxesWithInlineErrorsAndPasswordsNeverShownBack() {
        assertThat(mvc.get().uri("/admin/email").with(as(maria))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/email").with(as(admin)).param("address", "x@y.test"))
                .as("no CSRF token").hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/email").with(as(admin)).with(csrf()).param("address", "not an address")
                .param("displayName", "Typed name").param("imapPort", "993").param("smtpPort", "587"))
                .hasStatusOk().bodyText().contains("Enter the mailbox&#39;s address").contains("Typed name");
        assertThat(mvc.post().uri("/admin/email").with(as(admin)).with(csrf()).param("address", "a@b.test")
                .param("displayName", "Shop").param("imapPort", "99999").param("smtpPort", "587"))
                .hasStatusOk().bodyText().contains("A port is a number from 1 to 65535");

        String address = "desk-" + UUID.randomUUID().toString().substring(0, 6) + "@harbourlane.test";
        var created = mvc.post().uri("/admin/email").with(as(admin)).with(csrf()).param("address", address)
                .param("displayName", "Harbour Lane Toys").param("imapHost", "imap.harbourlane.test")
                .param("imapPort", "993").param("imapSecurity", "TLS").param("imapUser", address)
                .param("imapPassword", "s3cret-app-password").param("imapFolder", "INBOX")
                .param("afterImport", "MARK_READ").param("smtpPort", "587").param("acknowledge", "on")
                .param("active", "on").exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        assertThat((String) created.getMvcResult().getFlashMap().get("webhookUrl")).contains("/api/v1/inbound/email/rpm_");
        String page = created.getMvcResult().getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(page).with(as(admin))).hasStatusOk().bodyText().contains(address)
                .contains("Saved — type to replace").doesNotContain("s3cret-app-password");
        assertThat(jdbc.sql("select imap_password from mailbox where address = ?").param(address).query(String.class)
                .single()).startsWith("aesgcm:").doesNotContain("s3cret");
    }

    @Test
    void theWebhookTakesRawMailWithoutASessionAndAnswersWithProblemDetails() {
        MailboxDirectory.WithToken hook = directory.create(form("hook"));
        String mail = "From: Ina <ina@customers.test>\r\nTo: hook@harbourlane.test\r\nSubject: By webhook\r\n"
                + "Message-ID: <hook-" + UUID.randomUUID() + "@customers.test>\r\n\r\nPushed by my provider.\r\n";
        assertThat(mvc.post().uri("/api/v1/inbound/email/rpm_nope").contentType("message/rfc822").content(mail))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/v1/inbound/email/" + hook.webhookToken()).contentType("message/rfc822")
                .content(mail)).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.status").isEqualTo("parsed");
        assertThat(mvc.post().uri("/api/v1/inbound/email/" + hook.webhookToken()).contentType("message/rfc822")
                .content(mail)).hasStatusOk().bodyJson().extractingPath("$.duplicate").isEqualTo(true);
        assertThat(mvc.post().uri("/api/v1/inbound/email/" + hook.webhookToken()).contentType(MediaType.TEXT_PLAIN)
                .content("just words, no headers"))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.title").isEqualTo("Not an email");
        assertThat(jdbc.sql("select count(*) from conversation where requester_email = 'ina@customers.test'")
                .query(Long.class).single()).isEqualTo(1);

        MailboxDirectory.WithToken busy = directory.create(form("busy"));
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.post().uri("/api/v1/inbound/email/" + busy.webhookToken()).contentType("message/rfc822")
                    .content(mail.replace("By webhook", "Burst " + i).replace("<hook-", "<burst" + i + "-")))
                    .hasStatus(HttpStatus.ACCEPTED);
        }
        assertThat(mvc.post().uri("/api/v1/inbound/email/" + busy.webhookToken()).contentType("message/rfc822")
                .content(mail)).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theOriginalBlocksRemoteImagesUntilAllowedAndOnlyThoseWhoSeeTheConversationGetIt() throws Exception {
        var team = roster.createTeam("Email " + UUID.randomUUID(), null);
        MailboxForm base = form("orig");
        MailboxDirectory.WithToken box = directory.create(new MailboxForm(base.address(), base.displayName(),
                team.id().value(), null, 993, null, null, null, null, null, null, null, 587, null, null, null, null,
                false, true));
        String mail = "From: Oli <oli@customers.test>\r\nTo: orig@harbourlane.test\r\nSubject: Look\r\n"
                + "Message-ID: <look-" + UUID.randomUUID() + "@customers.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n<p onclick=\"x()\">See <img src=\"https://pix.example/t.gif\">"
                + "</p><script>alert('stored')</script><a href=\"javascript:steal()\">the link</a>\r\n";
        String id = mvc.post().uri("/api/v1/inbound/email/" + box.webhookToken()).contentType("message/rfc822")
                .content(mail).exchange().getMvcResult().getResponse().getContentAsString()
                .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        assertThat(mvc.get().uri("/email/inbound/" + id).with(as(maria))).hasStatusOk().bodyText()
                .contains("remote images were blocked", "the link").doesNotContain("https://pix.example")
                .doesNotContain("onclick").doesNotContain("alert(").doesNotContain("javascript:");
        assertThat(mvc.get().uri("/email/inbound/" + id + "?images=true").with(as(maria))).hasStatusOk()
                .headers().hasHeaderSatisfying("Content-Security-Policy",
                        values -> assertThat(values.getFirst()).contains("img-src 'self' data: https:"));
        assertThat(mvc.get().uri("/email/inbound/" + id + "/raw").with(as(maria))).hasStatusOk()
                .hasHeader("Content-Disposition", "attachment; filename=\"email-" + id + ".eml\"")
                .body().asString().contains("pix.example");

        SignedInAgent outsider = agent(Role.TEAMMATE);
        assertThat(mvc.get().uri("/email/inbound/" + id).with(as(outsider))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/email/inbound/" + id + "/raw").with(as(outsider))).hasStatus(HttpStatus.NOT_FOUND);
    }

    private static MailboxForm form(String name) {
        return new MailboxForm(EmailAddress.of(name + "-" + UUID.randomUUID().toString().substring(0, 6)
                + "@harbourlane.test"), "Harbour Lane Toys", null, null, 993, null, null, null, null, null, null,
                null, 587, null, null, null, null, false, true);
    }

    private SignedInAgent agent(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";
        roster.invite("Test " + role.label(), EmailAddress.of(email), role, java.util.Set.of());
        return SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow());
    }

    private static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
