package dev.rapport.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.ControllableClock;
import dev.rapport.support.Browsers;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Signing in, throttling, inviting a colleague and role checks, in real Chromium. */
@RapportWebTest
class SignInBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openBrowser() {
        TestBusiness.ensureSetUp(profile);
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
        clock.resume();
    }

    @Test
    void aWrongPasswordShowsAnErrorAndFiveThrottleTheAddress() {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        page.navigate(url("/login"));

        signIn(page, email, "not my password");
        assertThat(page.locator("#sign-in-error")).containsText("do not match");
        assertThat(page.getByLabel("Email")).hasValue(email);

        for (int i = 0; i < 4; i++) {
            signIn(page, email, "still not my password");
        }
        signIn(page, email, TestBusiness.PASSWORD);

        assertThat(page.locator("#sign-in-throttled")).containsText("Too many failed sign-ins");
        assertThat(page).hasURL(url("/login?throttled"));
        Browsers.screenshot(page, "sign-in-throttled-desktop");

        clock.advance(Duration.ofMinutes(16));
        signIn(page, email, TestBusiness.PASSWORD);
        assertThat(page).hasURL(url("/inbox"));
    }

    @Test
    void anAdminInvitesAColleagueWhoIsRefusedAdminPages() {
        page.navigate(url("/login"));
        signIn(page, TestBusiness.ADMIN_EMAIL, TestBusiness.PASSWORD);
        String team = "Support " + UUID.randomUUID().toString().substring(0, 6);

        page.navigate(url("/admin/teams"));
        page.getByLabel("Name").fill(team);
        page.getByLabel("What the team does").fill("Answers customers on every channel.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();
        assertThat(page.getByText("Team " + team + " created.")).isVisible();
        Browsers.screenshot(page, "admin-teams-desktop");

        page.navigate(url("/admin/agents"));
        String email = "sam-" + UUID.randomUUID().toString().substring(0, 6) + "@harbourlane.example";
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Sam Okafor");
        page.getByLabel("Email").fill(email);
        page.getByLabel(team).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add agent")).click();
        String link = page.locator("#invitation-link").textContent().strip();
        assertThat(link).contains("/invitations/inv_");
        Browsers.screenshot(page, "admin-agent-invited-desktop");
        page.navigate(url("/admin/agents"));
        Browsers.screenshot(page, "admin-agents-desktop");
        page.navigate(url("/swagger-ui.html"));
        assertThat(page.getByText("Rapport API").first()).isVisible();
        assertThat(page.getByText("/api/v1/me").first()).isVisible();
        page.navigate(url("/admin/agents"));
        page.setViewportSize(375, 812);
        Browsers.screenshot(page, "admin-agents-phone");

        try (BrowserContext colleague = newContext()) {
            Page sam = colleague.newPage();
            sam.navigate(link);
            assertThat(sam.getByRole(AriaRole.HEADING)).hasText("Welcome, Sam Okafor");
            sam.getByLabel("New password").fill("sam's own password");
            sam.getByLabel("Type it again").fill("sam's own password");
            sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
            assertThat(sam).hasURL(url("/login?passwordSet"));

            signIn(sam, email, "sam's own password");
            assertThat(sam).hasURL(url("/inbox"));
            assertThat(sam.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin"))).hasCount(0);

            Response response = sam.navigate(url("/admin/agents"));
            assertThat(response.status()).isEqualTo(403);
            assertThat(sam.getByRole(AriaRole.HEADING)).hasText("This page is not for your role");
            Browsers.screenshot(sam, "forbidden-desktop");

            sam.navigate(link);
            assertThat(sam.getByRole(AriaRole.HEADING)).hasText("This link no longer works");
        }
    }

    @Test
    void anAgentCreatesAndRevokesAnApiTokenOnTheProfilePage() {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        page.navigate(url("/login"));
        signIn(page, email, TestBusiness.PASSWORD);

        page.navigate(url("/profile"));
        page.getByLabel("Name").fill("Shop sync");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        assertThat(page.locator("#new-token")).containsText("rpt_");
        Browsers.screenshot(page, "profile-desktop");

        page.onDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke")).click();
        assertThat(page.locator("#token-list .badge")).hasText("Revoked");
        page.reload();
        assertThat(page.locator("#new-token")).hasCount(0);
        assertThat(page.locator("#token-list .badge")).hasText("Revoked");
    }

    private BrowserContext newContext() {
        return Browsers.chromium().newContext(new Browser.NewContextOptions().setViewportSize(1280, 860));
    }

    /** Signs in and waits until the page the form led to has loaded, so that attempts never overlap. */
    private static void signIn(Page page, String email, String password) {
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.waitForResponse(response -> response.request().method().equals("POST")
                        && response.url().endsWith("/login"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click());
        page.waitForLoadState();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
