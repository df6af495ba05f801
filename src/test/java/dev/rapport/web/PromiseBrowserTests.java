package dev.rapport.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.BrowserPages;
import dev.rapport.support.Browsers;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The promise ledger in real Chromium: a promise made in a reply shows on My promises and the customer's card, is
 * marked done, a reply tells the customer and it is kept; another passes its deadline and its team's lead sees it
 * broken.
 */
@RapportWebTest
class PromiseBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired PromiseLedger ledger;
    @Autowired ControllableClock clock;

    private BrowserPages pages;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        pages = new BrowserPages(port);
    }

    @AfterEach
    void close() {
        clock.resume();
        pages.close();
    }

    @Test
    void aPromiseMadeInAReplyIsDoneToldAndKeptAndAMissedOneShowsBrokenToTheLead() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Team team = roster.createTeam("Trains " + tag, "");
        String mariaEmail = inTeam(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT), Role.AGENT, team);
        String leadEmail = inTeam(TestBusiness.agentWithPassword(roster, passwords, Role.LEAD), Role.LEAD, team);
        String reference = pages.contactForm("Ana Souza", "ana-" + tag + "@customers.example", "Engine missing " + tag,
                "The train set came without its engine.");

        Page maria = pages.signedIn(mariaEmail);
        maria.navigate(pages.url("/conversations/" + reference));
        maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
                .fill("Hi Ana, I am sorry the engine was missing.");
        Locator composer = maria.locator("#composer");
        composer.getByText("Make a promise").click();
        composer.getByLabel("What will be done").fill("send the replacement engine");
        composer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("in 2 business days")).click();
        Locator preview = maria.locator("#promise-preview");
        assertThat(preview).containsText(Pattern.compile("I will send the replacement engine by .+ and email you by then\\."));
        Browsers.screenshot(maria, "promise-composer-desktop");
        maria.setViewportSize(375, 812);
        Browsers.screenshot(maria, "promise-composer-phone");
        maria.setViewportSize(1280, 860);
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(maria.locator(".message").last()).containsText("I will send the replacement engine by");
        Locator promises = maria.locator("#promises");
        assertThat(promises.locator(".promise-item")).hasCount(1);
        assertThat(promises).containsText("send the replacement engine");
        assertThat(maria.locator("#customer-card")).containsText("Open promises");
        assertThat(maria.locator("#customer-card")).containsText("send the replacement engine");

        maria.navigate(pages.url("/promises"));
        assertThat(maria.locator("#upcoming, #today").filter(new Locator.FilterOptions()
                .setHasText("send the replacement engine"))).hasCount(1);
        Browsers.screenshot(maria, "promises-mine-desktop");
        maria.locator(".promise-item").filter(new Locator.FilterOptions().setHasText("send the replacement engine"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("#" + reference)).click();

        promises.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark done")).click();
        assertThat(promises).containsText("Done, tell the customer");
        maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
                .fill("Ana, the engine left today by express post.");
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        Locator state = maria.locator("#promises .promise-item .badge");
        for (int attempt = 0; attempt < 20 && !state.textContent().contains("Kept"); attempt++) {
            maria.waitForTimeout(250);
            maria.reload();
        }
        assertThat(state).hasText("Kept");
        Browsers.screenshot(maria, "promise-kept-sidebar");

        Locator record = maria.locator("#promises details.promise-record");
        record.locator("summary").click();
        record.getByLabel("What will be done").fill("call Ana about the tender car");
        record.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("by end of today")).click();
        record.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record the promise")).click();
        assertThat(maria.locator("#promises")).containsText("Promise recorded.");
        assertThat(maria.locator("#promises .promise-item")).hasCount(2);

        clock.freezeAt(clock.instant().plus(Duration.ofDays(4)));
        ledger.breakOverdue();

        Page lead = pages.signedIn(leadEmail);
        lead.navigate(pages.url("/promises"));
        Locator broken = lead.locator("#team-broken");
        assertThat(broken).containsText("call Ana about the tender car");
        assertThat(broken).not().containsText("send the replacement engine");
        Browsers.screenshot(lead, "promises-lead-broken-desktop");
        lead.setViewportSize(375, 812);
        Browsers.screenshot(lead, "promises-lead-broken-phone");
        lead.navigate(pages.url("/notifications"));
        assertThat(lead.locator("main")).containsText("Promise broken: call Ana about the tender car");
    }

    private String inTeam(String email, Role role, Team team) {
        Agent agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        roster.update(agent.id(), agent.name(), role, Set.of(team.id()));
        return email;
    }
}
