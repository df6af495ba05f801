package dev.rapport.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Debian Chromium for the whole test run, driven by Playwright. Playwright's own browser download is
 * switched off; the browser comes from the system ({@code apt-get install chromium}).
 */
public final class Browsers {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("RAPPORT_CHROMIUM", "/usr/bin/chromium"));

    /**
     * How long an assertion waits for the page to get there (Playwright's default is 5 s). CI runs the suite on two
     * cores next to PostgreSQL, where a bulk action or a live update can take longer than that; a page that never
     * gets there still fails, only later.
     */
    private static final double ASSERTION_TIMEOUT_MS = 15_000;
    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    public static synchronized Browser chromium() {
        if (browser == null) {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM
                        + ": run 'apt-get install -y chromium' (or set RAPPORT_CHROMIUM).");
            }
            PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** Saves a full-page screenshot under {@code target/screenshots}, for people to look at. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }
}
