package dev.rapport.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
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

import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Money owed in real Chromium: an agent records the credit we owe on the conversation, an accounting teammate sees it
 * on Money we owe and marks it paid, and the agent who owns the relationship finds the promise to tell the customer, puts the prepared
 * words in a reply and keeps it.
 */
@RapportWebTest
class OwedBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired Desk desk;
    @Autowired dev.rapport.owed.OwedLedger owed;

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
    void anAccountantPaysWhatWeOweAndTheAgentIsAskedToTellTheCustomer() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Team accounting = roster.createTeam("Accounting " + tag, "");
        String mariaEmail = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        String priyaEmail = inTeam(TestBusiness.agentWithPassword(roster, passwords, Role.TEAMMATE), Role.TEAMMATE,
                accounting);
        String reference = pages.contactForm("Ana Souza", "ana-" + tag + "@customers.example", "Broken order " + tag,
                "Half of my order arrived broken. I paid $700 for it.");
        Agent maria = roster.findAgentByEmail(EmailAddress.of(mariaEmail)).orElseThrow();
        Conversation conversation = desk.findByNumber(Long.parseLong(reference)).orElseThrow();
        desk.assign(conversation.id(), SignedInAgent.of(maria), maria.id(), null);

        Page agent = pages.signedIn(mariaEmail);
        agent.navigate(pages.url("/conversations/" + reference));
        Locator owed = agent.locator("#owed");
        owed.getByText("We owe them money").click();
        owed.getByLabel("Amount").fill("700.005");
        owed.getByLabel("What is it").selectOption("CREDIT");
        owed.getByLabel("Why we owe it").fill("Half the order arrived broken: our packing");
        owed.getByLabel("Who pays it").selectOption("team:" + accounting.id().value());
        owed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record what we owe")).click();
        assertThat(owed.locator(".error").first()).hasText("USD has 2 decimals at most.");
        assertThat(owed.getByLabel("Why we owe it")).hasValue("Half the order arrived broken: our packing");
        Browsers.screenshot(agent, "owed-sidebar-error-desktop");
        owed.getByLabel("Amount").fill("700.00");
        owed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record what we owe")).click();
        assertThat(owed.locator(".owed-item")).hasCount(1);
        assertThat(owed.locator(".owed-item")).containsText("We owe Ana $700.00 since");
        assertThat(owed.locator(".owed-item")).containsText("(Accounting " + tag + ", due");
        Browsers.screenshot(agent, "owed-sidebar-desktop");
        agent.setViewportSize(375, 812);
        Browsers.screenshot(agent, "owed-sidebar-phone");
        agent.setViewportSize(1280, 860);
        agent.reload();
        assertThat(agent.locator("#customer-card")).containsText("Money we owe");
        assertThat(agent.locator("#customer-card")).containsText("We owe Ana $700.00 since");

        Page accountant = pages.signedIn(priyaEmail);
        accountant.navigate(pages.url("/inbox"));
        accountant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Money we owe")).click();
        Locator row = accountant.locator(".owed-row-item").filter(new Locator.FilterOptions().setHasText("Ana Souza"));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("$700.00");
        Browsers.screenshot(accountant, "owed-list-desktop");
        accountant.setViewportSize(375, 812);
        Browsers.screenshot(accountant, "owed-list-phone");
        accountant.setViewportSize(1280, 860);
        row.getByLabel("Payment reference").fill("BT-2026-" + tag);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark paid")).click();
        assertThat(row).containsText("Marked paid");
        assertThat(row.locator(".badge")).hasText("Paid");
        Browsers.screenshot(accountant, "owed-list-paid-desktop");

        agent.navigate(pages.url("/promises"));
        Locator tell = agent.locator("#contact .promise-item");
        assertThat(tell).containsText("Tell Ana their $700.00 credit was paid (BT-2026-" + tag + ")");
        Browsers.screenshot(agent, "owed-promise-to-tell-desktop");
        agent.navigate(pages.url("/notifications"));
        assertThat(agent.locator("main")).containsText("Tell Ana their $700.00 credit was paid");
        agent.navigate(pages.url("/conversations/" + reference));
        Locator tellHer = agent.locator("#owed .owed-tell");
        assertThat(tellHer).containsText("Good news, Ana: the $700.00 credit we owed you has been paid");
        Browsers.screenshot(agent, "owed-sidebar-paid-desktop");
        tellHer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Put it in the reply")).click();
        Locator message = agent.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
        assertThat(message).hasValue(java.util.regex.Pattern.compile("^Good news, Ana: the \\$700\\.00 credit"));
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(agent.locator(".message").last()).containsText("Good news, Ana");
        for (int attempt = 0; attempt < 20 && tellHer.count() > 0; attempt++) {
            agent.waitForTimeout(250);
            agent.reload();
        }
        assertThat(tellHer).hasCount(0); // the reply kept the promise
    }

    @Test
    void theLeadSeesTheAgingReport() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Team finance = roster.createTeam("Finance " + tag, "");
        Conversation conversation = desk.start(new dev.rapport.conversations.NewConversation("Refunds " + tag,
                new dev.rapport.conversations.Requester("Tom Weber", EmailAddress.of("tom-" + tag + "@c.example")),
                dev.rapport.conversations.Channel.EMAIL, "Where is my refund?", null));
        owedSince(conversation, finance, "700.00", "USD", 2);
        owedSince(conversation, finance, "35.50", "EUR", 20);
        owedSince(conversation, finance, "120.00", "USD", 45);
        owedSince(conversation, finance, "15.00", "GBP", 120);
        String lead = TestBusiness.agentWithPassword(roster, passwords, Role.LEAD);
        Page page = pages.signedIn(lead);
        page.navigate(pages.url("/owed/aging"));
        assertThat(page.locator("h1")).hasText("Money we owe, by age");
        Locator finances = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Finance " + tag));
        assertThat(finances).hasCount(3);
        assertThat(finances.filter(new Locator.FilterOptions().setHasText("USD"))).containsText("$820.00");
        Browsers.screenshot(page, "owed-aging-desktop");
        page.setViewportSize(375, 812);
        Browsers.screenshot(page, "owed-aging-phone");
    }

    private void owedSince(Conversation conversation, Team team, String amount, String currency, int daysAgo) {
        java.time.Instant since = java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo));
        owed.record(new dev.rapport.owed.MoneyOwed.Terms(null, conversation.id().value(),
                dev.rapport.shared.Money.of(amount, currency), dev.rapport.owed.OwedKind.REFUND, "Returned goods",
                null, team.id().value(), since.plus(java.time.Duration.ofDays(14)), since, null), "Approvals");
    }

    private String inTeam(String email, Role role, Team team) {
        Agent agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        roster.update(agent.id(), agent.name(), role, Set.of(team.id()));
        return email;
    }
}
