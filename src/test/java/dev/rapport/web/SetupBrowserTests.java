package dev.rapport.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.support.Browsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first minutes, in real Chromium, on a fresh database: setup page, admin created, sign out, sign in,
 * empty inbox. Has its own application context (see the property) so that its database is empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rapport.test.context=fresh-setup")
class SetupBrowserTests {

    @LocalServerPort int port;
    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openBrowser() {
        context = Browsers.chromium().newContext(new Browser.NewContextOptions().setViewportSize(1280, 860));
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void aNewcomerSetsUpRapportSignsOutAndSignsInToAnEmptyInbox() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/setup"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome to Rapport"))).isVisible();
        Browsers.screenshot(page, "setup-desktop");
        page.setViewportSize(375, 812);
        Browsers.screenshot(page, "setup-phone");
        page.setViewportSize(1280, 860);

        page.getByLabel("Business name").fill("Harbour Lane Toys");
        page.getByLabel("Time zone").selectOption("Europe/Berlin");
        page.getByLabel("Your name").fill("Maria Lopez");
        page.getByLabel("Email").fill("maria@harbourlane.example");
        page.getByLabel("Password").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up Rapport")).click();

        assertThat(page.locator("#adminPassword-error")).hasText("Use at least 10 characters.");
        assertThat(page.getByLabel("Business name")).hasValue("Harbour Lane Toys");
        Browsers.screenshot(page, "setup-error-desktop");

        page.getByLabel("Password").fill("tea with the whole team");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up Rapport")).click();

        assertThat(page).hasURL(url("/login?welcome"));
        assertThat(page.getByText("Rapport is set up.")).isVisible();
        Browsers.screenshot(page, "sign-in-desktop");
        page.setViewportSize(375, 812);
        Browsers.screenshot(page, "sign-in-phone");
        page.setViewportSize(1280, 860);

        signIn("maria@harbourlane.example", "tea with the whole team");
        assertThat(page).hasURL(url("/inbox"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("All caught up"))).isVisible();
        assertThat(page.locator(".brand-name")).hasText("Harbour Lane Toys");
        assertThat(page.locator(".me-name")).hasText("Maria Lopez");
        Browsers.screenshot(page, "inbox-desktop");
        page.setViewportSize(375, 812);
        Browsers.screenshot(page, "inbox-phone");
        page.setViewportSize(1280, 860);

        var session = context.cookies().stream().filter(cookie -> cookie.name.equals("RAPPORT_SESSION")).findFirst();
        assertThat(session).hasValueSatisfying(cookie -> {
            assertThat(cookie.httpOnly).isTrue();
            assertThat(cookie.sameSite).hasToString("LAX");
        });

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(url("/login?signedOut"));
        page.navigate(url("/inbox"));
        assertThat(page).hasURL(url("/login"));

        signIn("maria@harbourlane.example", "tea with the whole team");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(":" + port + "/inbox(\\?continue)?$"));

        page.navigate(url("/setup"));
        assertThat(page).hasURL(url("/inbox")); // the setup page is gone after setup
    }

    private void signIn(String email, String password) {
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
