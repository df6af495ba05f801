package dev.rapport.web;

import dev.rapport.agents.ApiAccess;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Pages and their security: headers, CSRF, roles, inline form errors, htmx fragments. */
@RapportWebTest
class PageTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ApiAccess apiAccess;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
    }

    @Test
    void pagesSendStrictSecurityHeaders() {
        assertThat(mvc.get().uri("/login")).hasStatusOk()
                .headers()
                .hasValue("X-Frame-Options", "DENY")
                .hasValue("Referrer-Policy", "same-origin")
                .hasValue("X-Content-Type-Options", "nosniff")
                .hasHeaderSatisfying("Content-Security-Policy", values -> assertThat(values.getFirst())
                        .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe"));
    }

    @Test
    void noDefaultUserOrPasswordExists(@Autowired org.springframework.context.ApplicationContext context) {
        assertThat(context.getBeansOfType(org.springframework.security.core.userdetails.UserDetailsService.class))
                .isEmpty();
    }

    @Test
    void theSetupPageIsGoneOnceRapportIsSetUp() {
        assertThat(mvc.get().uri("/setup")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
    }

    @Test
    void pageTitlesAreTheirWordsNotMarkup() {
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().doesNotContain("&lt;title")
                .containsPattern("<title>[^<&]+</title>");
        assertThat(mvc.get().uri("/inbox").with(as(Role.AGENT))).hasStatusOk().bodyText()
                .doesNotContain("&lt;title").contains("<title>Inbox</title>");
    }

    /** The live inbox reloads only the views and the list: the page header must not come along (it did, twice). */
    @Test
    void theLiveInboxRefreshIsTheBodyWithoutThePageHeader() {
        assertThat(mvc.get().uri("/inbox").header("HX-Request", "true").header("HX-Target", "inbox-body")
                .with(as(Role.AGENT))).hasStatusOk().bodyText()
                .contains("id=\"inbox-body\"").doesNotContain("page-header").doesNotContain("<h1");
    }

    @Test
    void pagesNeedASignedInAgent() {
        assertThat(mvc.get().uri("/inbox")).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/inbox").with(as(Role.AGENT))).hasStatusOk()
                .bodyText().contains("<h1>Unassigned</h1>").contains("href=\"/inbox?view=mine\"");
    }

    @Test
    void agentsLeadsAndTeammatesGet403OnAdminPages() {
        for (Role role : new Role[] {Role.AGENT, Role.LEAD, Role.TEAMMATE}) {
            assertThat(mvc.get().uri("/admin/agents").with(as(role))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post().uri("/admin/teams").param("name", "Sneaky").with(as(role)).with(csrf()))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/swagger-ui.html").with(as(role))).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/admin/agents").with(as(Role.ADMIN))).hasStatusOk();
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() {
        assertThat(mvc.post().uri("/admin/teams").param("name", "No token").with(as(Role.ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(roster.teams()).noneMatch(team -> team.name().equals("No token"));
    }

    @Test
    void badInputOnAdminFormsShowsInlineErrorsAndKeepsWhatWasTyped() {
        assertThat(mvc.post().uri("/admin/agents").with(as(Role.ADMIN)).with(csrf())
                .param("name", "Sam Okafor").param("email", "sam-at-example").param("role", "AGENT"))
                .hasStatusOk()
                .bodyText().contains("Enter an email address like maria@example.com.")
                .contains("value=\"Sam Okafor\"");
        assertThat(mvc.post().uri("/admin/teams").with(as(Role.ADMIN)).with(csrf()).param("name", " "))
                .hasStatusOk().bodyText().contains("Give the team a name.");
    }

    @Test
    void anAdminInvitesAnAgentAndGetsAOneTimeLink() {
        String email = "new-" + System.nanoTime() + "@harbourlane.example";
        var result = mvc.post().uri("/admin/agents").with(as(Role.ADMIN)).with(csrf())
                .param("name", "Nia New").param("email", email).param("role", "TEAMMATE").exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).flash().containsKey("invitationLink");
        String link = (String) result.getMvcResult().getFlashMap().get("invitationLink");
        assertThat(link).contains("/invitations/inv_");
        assertThat(roster.findAgentByEmail(EmailAddress.of(email))).hasValueSatisfying(agent -> {
            assertThat(agent.role()).isEqualTo(Role.TEAMMATE);
            assertThat(agent.hasPassword()).isFalse();
        });
    }

    @Test
    void revokingATokenWithHtmxReturnsOnlyTheTokenList() {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        var agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        var issued = apiAccess.issue(agent.id(), "Old script");
        var me = SignedInAgent.of(agent);

        assertThat(mvc.post().uri("/profile/tokens/{id}/revoke", issued.token().id().value())
                .header("HX-Request", "true").with(authentication(signedIn(me))).with(csrf()))
                .hasStatusOk()
                .bodyText().contains("id=\"token-list\"").contains("Revoked").doesNotContain("<html");
        assertThat(apiAccess.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void aDeactivatedAgentIsSignedOutOnTheirNextClick() {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        var agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        var session = signedIn(SignedInAgent.of(agent));
        assertThat(mvc.get().uri("/inbox").with(authentication(session))).hasStatusOk();

        roster.deactivate(agent.id());

        assertThat(mvc.get().uri("/inbox").with(authentication(session))).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().isEqualTo("/login?deactivated");
    }

    private RequestPostProcessor as(Role role) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        return authentication(signedIn(SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow())));
    }

    private static UsernamePasswordAuthenticationToken signedIn(SignedInAgent agent) {
        return UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities());
    }
}
