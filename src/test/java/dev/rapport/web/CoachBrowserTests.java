package dev.rapport.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.business.BusinessProfile;
import dev.rapport.support.BrowserPages;
import dev.rapport.support.Browsers;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The reply coach beside the composer in real Chromium: marks, suggestions, "I meant it", and a send never blocked. */
@RapportWebTest
class CoachBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired JdbcClient jdbc;

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
    void anAgentSeesTheCoachAppliesOneSuggestionDismissesAnotherAndStillSends() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String reference = pages.contactForm("Ana Souza", "ana-" + tag + "@customers.example", "Order change " + tag,
                "Can I still change my order to the blue train?");

        String mariaEmail = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        UUID mariaId = roster.findAgentByEmail(dev.rapport.shared.EmailAddress.of(mariaEmail)).orElseThrow().id().value();
        Page maria = pages.signedIn(mariaEmail);
        maria.navigate(pages.url("/conversations/" + reference));
        Locator panel = maria.locator("#coach-panel");
        assertThat(panel).containsText("never stops you sending");

        Locator body = maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
        body.fill("Kindly note that the system won't let me change it. Obviously you should have asked before "
                + "it shipped!!! Call us back next week.");
        Locator findings = panel.locator(".coach-finding");
        assertThat(finding(panel, "Blame-shifting").filter(new Locator.FilterOptions().setHasText("the system won't let me")))
                .isVisible();
        assertThat(finding(panel, "Sarcasm or condescension").first()).isVisible();
        assertThat(finding(panel, "Sending them away").first()).isVisible();
        assertThat(finding(panel, "Missing name").first()).isVisible();
        Locator marks = maria.locator("#coach-marks mark");
        assertThat(marks.filter(new Locator.FilterOptions().setHasText("the system won't let"))).hasCount(1);
        assertThat(maria.locator("#coach-marks mark.strong").first()).isAttached();
        Browsers.screenshot(maria, "coach-composer-findings-desktop");
        maria.setViewportSize(375, 812);
        Browsers.screenshot(maria, "coach-composer-findings-phone");
        maria.setViewportSize(1280, 860);

        finding(panel, "Missing name").first().locator("[data-coach-apply]").click();
        assertThat(body).hasValue(java.util.regex.Pattern.compile("^Hi Ana,\\s+Kindly note.*", java.util.regex.Pattern.DOTALL));
        assertThat(finding(panel, "Missing name")).hasCount(0);

        finding(panel, "Sarcasm or condescension").first().locator("[data-coach-dismiss]").click();
        assertThat(finding(panel, "Sarcasm or condescension")).hasCount(0);
        body.press("ControlOrMeta+End");
        body.pressSequentially(" Thanks.");
        assertThat(finding(panel, "Blame-shifting").first()).isVisible();
        assertThat(finding(panel, "Sarcasm or condescension")).hasCount(0);
        assertThat(jdbc.sql("select count(*) from coach_dismissal where category = 'SARCASM' and conversation = ?")
                .param(Long.parseLong(reference)).query(Long.class).single()).isEqualTo(1L);

        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
        Locator confirm = maria.getByRole(AriaRole.DIALOG);
        assertThat(confirm).isVisible();
        assertThat(confirm).containsText("Blame-shifting");
        assertThat(confirm).containsText("Sending them away");
        Browsers.screenshot(maria, "coach-send-confirm-desktop");
        confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send anyway")).click();

        assertThat(maria.locator(".entry.message.reply").last()).containsText("the system won't let me");
        assertThat(findings).hasCount(0);

        maria.getByLabel("Internal note").check();
        body.fill("Another clueless one, honestly.");
        assertThat(finding(panel, "Disrespect in a note").first()).isVisible();
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
        assertThat(maria.locator(".entry.message.note").last()).containsText("Another clueless one");
        awaitCoachedReplies(mariaId, 2);
        maria.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Coaching")).click();
        Locator mine = maria.locator(".coach-stats").first();
        assertThat(mine.locator("tr", new Locator.LocatorOptions().setHasText("Replies sent")).locator("td").last())
                .hasText("1");
        assertThat(mine.locator("tr", new Locator.LocatorOptions().setHasText("1. Blame-shifting")).locator("td").last())
                .hasText("100.0");
        assertThat(mine.locator("tr", new Locator.LocatorOptions().setHasText("8. Shouting")).locator("td").last())
                .hasText("100.0");
        assertThat(mine.locator("tr", new Locator.LocatorOptions().setHasText("9. Missing name")).locator("td").last())
                .hasText("0.0");
        assertThat(mine.locator("tr", new Locator.LocatorOptions().setHasText("Internal notes written")).locator("td")
                .last()).hasText("1");
        assertThat(mine.locator("tr", new Locator.LocatorOptions().setHasText("11. Disrespect in a note")).locator("td")
                .last()).hasText("100.0");
        Browsers.screenshot(maria, "coach-stats-desktop");
        maria.setViewportSize(375, 812);
        Browsers.screenshot(maria, "coach-stats-phone");
    }

    @Test
    void aVaguePromiseBecomesARealOneInOneClick() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String reference = pages.contactForm("Ana Souza", "ana-" + tag + "@customers.example", "Refund " + tag,
                "Where is my refund?");
        Page maria = pages.signedIn(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT));
        maria.navigate(pages.url("/conversations/" + reference));
        maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
                .fill("Hi Ana, sorry for the wait. We'll look into it soon.");
        Locator vague = finding(maria.locator("#coach-panel"), "Vague or false promise").first();
        assertThat(vague).isVisible();

        vague.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make it a promise")).click();
        Locator composer = maria.locator("#composer");
        assertThat(composer.getByLabel("What will be done")).hasValue("look into it");
        assertThat(composer.getByLabel("By when")).isFocused();
        composer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("tomorrow 10:00")).click();
        assertThat(maria.locator("#promise-preview")).containsText("I will look into it by");
        Browsers.screenshot(maria, "coach-make-it-a-promise");
        assertThat(maria.locator("#coach-panel")).containsText("A real promise");
        assertThat(finding(maria.locator("#coach-panel"), "Vague or false promise")).hasCount(0);
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(maria.locator("#promises .promise-item")).hasCount(1);
        assertThat(maria.locator("#promises")).containsText("look into it");
        assertThat(maria.locator(".message").last()).containsText("I will look into it by");
    }

    @Test
    void anAdminAddsAPhraseTriesItAndAgentsSeeItFlaggedAtOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Page admin = pages.signedIn(TestBusiness.ADMIN_EMAIL);
        admin.navigate(pages.url("/admin/coach"));
        admin.getByLabel("It shows").selectOption("BLAME_SHIFTING");
        admin.getByLabel("Phrase (one per line)").fill("the warehouse in Zell" + tag);
        admin.getByLabel("Why it lands badly").fill("Naming another site makes the customer chase it.");
        admin.getByLabel("What to write instead").fill("Say what you are doing about it yourself.");
        admin.getByLabel("Try it on").fill("Sorry, the warehouse in Zell" + tag + " lost it.");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try it")).click();
        assertThat(admin.locator(".coach-trial")).containsText("Blame-shifting");
        assertThat(admin.locator(".coach-trial")).containsText("your phrase");
        Browsers.screenshot(admin, "coach-admin-try-desktop");
        admin.setViewportSize(375, 812);
        Browsers.screenshot(admin, "coach-admin-try-phone");
        admin.setViewportSize(1280, 860);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add phrase")).click();
        assertThat(admin.locator(".flash.notice")).containsText("the warehouse in Zell" + tag);
        assertThat(admin.locator("table")).containsText("custom.blame-shifting.the-warehouse-in-zell" + tag);

        String reference = pages.contactForm("Tom Becker", "tom-" + tag + "@customers.example", "Parcel " + tag,
                "Where is my parcel?");
        Page agent = pages.signedIn(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT));
        agent.navigate(pages.url("/conversations/" + reference));
        agent.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
                .fill("Hi Tom, sorry, the warehouse in Zell" + tag + " lost it.");
        assertThat(finding(agent.locator("#coach-panel"), "Blame-shifting")).containsText("the warehouse in Zell" + tag);
    }

    /** The reply is tallied after its transaction commits, by an event listener: wait for it, at most 10 s. */
    private void awaitCoachedReplies(UUID agent, long atLeast) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (jdbc.sql("select count(*) from coach_reply where agent = ?").param(agent).query(Long.class).single()
                < atLeast
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static Locator finding(Locator panel, String label) {
        return panel.locator(".coach-finding[data-label='" + label + "']");
    }
}
