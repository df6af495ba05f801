package dev.rapport.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Pages of one browser test in real Chromium, each in a context of its own (own cookies, so own session), at laptop
 * size, against the test's server; {@link #close()} closes them all.
 */
public final class BrowserPages implements AutoCloseable {

    private final int port;
    private final List<BrowserContext> contexts = new ArrayList<>();

    public BrowserPages(int port) {
        this.port = port;
    }

    /** A fresh page nobody is signed in to, 1280×860. */
    public Page page() {
        BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 860));
        contexts.add(context);
        return context.newPage();
    }

    /** A fresh page signed in as the agent with this email and the test password, on the inbox. */
    public Page signedIn(String email) {
        Page page = page();
        page.navigate(url("/login"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestBusiness.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/inbox"));
        return page;
    }

    /**
     * A customer writes through the public contact form, in a page of their own.
     *
     * @return the conversation number the thank-you page shows
     */
    public String contactForm(String name, String email, String subject, String message) {
        Page customer = page();
        customer.navigate(url("/contact"));
        customer.getByLabel("Your name").fill(name);
        customer.getByLabel("Your email").fill(email);
        customer.getByLabel("Subject").fill(subject);
        customer.getByLabel("How can we help?").fill(message);
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message")).click();
        return customer.locator("#reference").textContent().replaceAll("[^0-9]", "");
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Override
    public void close() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }
}
