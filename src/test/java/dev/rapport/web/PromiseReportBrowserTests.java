package dev.rapport.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.BrowserPages;
import dev.rapport.support.Browsers;
import dev.rapport.support.PromiseScript;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A lead reads the promises report in real Chromium, on a laptop and a phone, over eight weeks of a small shop's
 * promises (August and September 2024, which no other test uses).
 */
@RapportWebTest
class PromiseReportBrowserTests {

    private static final Instant NOW = Instant.parse("2024-09-27T15:00:00Z");

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired PromiseLedger ledger;
    @Autowired Desk desk;
    @Autowired ControllableClock clock;

    private BrowserPages pages;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        pages = new BrowserPages(port);
    }

    @AfterEach
    void close() {
        pages.close();
        clock.resume();
    }

    @Test
    void aLeadReadsEightWeeksOfPromisesAndNarrowsToATeam() {
        Team shipping = playEightWeeks();
        clock.freezeAt(NOW);
        Page lead = pages.signedIn(TestBusiness.agentWithPassword(roster, passwords, Role.LEAD));

        lead.navigate(pages.url("/promises/report"));
        assertThat(lead.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Promise report")))
                .isVisible();
        assertThat(lead.locator(".report-period")).hasText("Everyone, 5 Aug 2024 – 27 Sep 2024");
        assertThat(lead.locator(".trend-column")).hasCount(8);
        assertThat(lead.locator(".trend-labels > span").first()).hasText("5Aug");
        assertThat(lead.locator(".trend-labels .trend-month")).hasText(new String[] {"Aug", "", "", "", "Sep", "", "", ""});
        assertThat(lead.locator("table caption")).hasText("Promises kept and broken, week by week");
        assertThat(lead.locator(".report-table").first().locator("tbody tr")).hasCount(4);
        assertThat(lead.locator(".broken-list li").first()).isVisible();
        Browsers.screenshot(lead, "promise-report-desktop");
        lead.setViewportSize(375, 812);
        Browsers.screenshot(lead, "promise-report-phone");
        lead.setViewportSize(1280, 860);

        lead.getByLabel("Whose promises").selectOption(shipping.id().toString());
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(lead.locator(".report-period")).hasText(shipping.name() + ", 5 Aug 2024 – 27 Sep 2024");

        lead.getByLabel("First day").fill("2024-09-30");
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        Locator error = lead.locator("#to-error");
        assertThat(error).hasText("The last day comes before the first; swap them.");
        assertThat(lead.getByLabel("Last day")).hasAttribute("aria-invalid", "true");
        lead.setViewportSize(375, 812);
        Browsers.screenshot(lead, "promise-report-error-phone");
    }

    /**
     * Four agents and two teams, about fifty promises due from 5 August to 4 October 2024, kept more often as the
     * weeks go by; the last ones are still open on Friday 27 September.
     */
    private Team playEightWeeks() {
        Team shipping = team("Shipping");
        Team billing = team("Billing");
        List<UUID> agents = List.of(agent("Maria Lopez", shipping), agent("Tom Becker", shipping),
                agent("Priya Nair", billing), agent("Sam Okafor", billing));
        PromiseScript script = new PromiseScript(ledger, desk, clock);
        Instant start = Instant.parse("2024-08-05T06:00:00Z");
        script.at(start.minus(Duration.ofDays(1)));
        List<Conversation> conversations = new ArrayList<>();
        for (String customer : List.of("Paul Meyer", "Lea Wong", "Jonas Berg", "Ines Diaz", "Omar Haddad",
                "Clara Novak", "Felix Roth", "Nora Kim", "Emil Sander", "Rosa Lind", "Yusuf Aydin", "Mia Keller")) {
            conversations.add(script.conversation("Order for " + customer, customer));
        }
        String[] whats = {"Send the replacement engine", "Refund the postage", "Call back about the crane",
                "Check the warehouse for the blue train", "Send a return label", "Confirm the delivery date",
                "Ask the supplier about spare wheels", "Credit the voucher"};
        Random random = new Random(20240805);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            Instant due = start.plus(Duration.ofHours(6 + random.nextInt(8))).plus(Duration.ofDays(i * 59L / 52));
            boolean teamOwned = i % 9 == 4;
            UUID owner = teamOwned ? null : agents.get(random.nextInt(agents.size()));
            UUID team = teamOwned ? (i % 2 == 0 ? billing : shipping).id().value() : null;
            UUID contact = teamOwned ? agents.get(i % 2 == 0 ? 2 : 0) : null;
            Promise promise = script.make(conversations.get(random.nextInt(conversations.size())),
                    whats[random.nextInt(whats.length)], owner, team, contact, due);
            double week = i * 8.5 / 52;
            double roll = random.nextDouble();
            if (due.isAfter(NOW)) {
                continue;
            }
            if (roll < 0.04) {
                steps.add(new Step(due.minus(Duration.ofHours(5)), () -> script.cancel(promise, "Customer changed their mind")));
            } else if (roll < 0.55 + week * 0.05) {
                steps.add(new Step(due.minus(Duration.ofHours(3)), () -> script.doneAndTold(promise)));
            } else if (roll < 0.80 + week * 0.02) {
                steps.add(new Step(due.plus(Duration.ofHours(2 + random.nextInt(30))), () -> {
                    script.done(promise);
                    script.resolve(promise, "Apologised and sent it by express");
                }));
            } else if (roll < 0.9) {
                steps.add(new Step(due.minus(Duration.ofHours(2)), () -> script.done(promise)));
            }
        }
        steps.sort(Comparator.comparing(Step::at));
        for (Step step : steps) {
            script.at(step.at());
            script.checkDeadlines();
            step.action().run();
        }
        script.at(NOW);
        script.checkDeadlines();
        return shipping;
    }

    private record Step(Instant at, Runnable action) {
    }

    private Team team(String name) {
        return roster.teams().stream().filter(team -> team.name().equals(name)).findFirst()
                .orElseGet(() -> roster.createTeam(name, null));
    }

    private UUID agent(String name, Team team) {
        var invited = roster.invite(name, EmailAddress.of(name.toLowerCase().replace(' ', '.') + "-"
                + UUID.randomUUID().toString().substring(0, 6) + "@rapport.test"), Role.AGENT, Set.of(team.id()));
        return passwords.acceptInvitation(invited.invitationToken(), TestBusiness.PASSWORD).id().value();
    }
}
