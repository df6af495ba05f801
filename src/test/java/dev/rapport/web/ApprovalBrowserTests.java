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
import dev.rapport.authority.AuthorityLimit;
import dev.rapport.authority.AuthorityLimits;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.Money;
import dev.rapport.support.BrowserPages;
import dev.rapport.support.Browsers;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Authority in real Chromium, the whole way round: an agent grants a credit inside her budget at once; asks for a
 * bigger one, and the customer is promised word by a time; her lead approves it; an accounting teammate pays it; the
 * agent is told and asked to tell the customer.
 */
@RapportWebTest
class ApprovalBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired Desk desk;
    @Autowired AuthorityLimits limits;

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
    void aCreditWithinBudgetAtOnceABiggerOneApprovedPaidAndTheCustomerTold() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Team support = roster.createTeam("Support " + tag, "");
        Team accounting = roster.createTeam("Accounting " + tag, "");
        String mariaEmail = inTeam(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT), Role.AGENT, support);
        String lenaEmail = inTeam(TestBusiness.agentWithPassword(roster, passwords, Role.LEAD), Role.LEAD, support);
        String priyaEmail = inTeam(TestBusiness.agentWithPassword(roster, passwords, Role.TEAMMATE), Role.TEAMMATE,
                accounting);
        SignedInAgent admin = signedIn(TestBusiness.agentWithPassword(roster, passwords, Role.ADMIN));
        SignedInAgent maria = signedIn(mariaEmail);
        SignedInAgent lena = signedIn(lenaEmail);
        limits.setForAgent(maria.id().value(), terms("50.00", "100.00"), admin);
        limits.setForAgent(lena.id().value(), terms("500.00", "2000.00"), admin);
        String reference = pages.contactForm("Ana Souza", "ana-" + tag + "@customers.example", "Ruined party " + tag,
                "The cake stand arrived in pieces the morning of my daughter's party.");
        Conversation conversation = desk.findByNumber(Long.parseLong(reference)).orElseThrow();
        desk.assign(conversation.id(), maria, maria.id(), null);

        Page agent = pages.signedIn(mariaEmail);
        agent.navigate(pages.url("/conversations/" + reference));
        Locator judgment = agent.locator("#judgment");
        assertThat(judgment).containsText("$100.00 left of $100.00 this month");
        judgment.getByText("Grant a credit, refund or exception").click();
        judgment.getByLabel("Amount").fill("30.00");
        judgment.getByLabel("Why").fill("Arrived broken on the day");
        judgment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Grant it")).click();
        assertThat(judgment).containsText("Granted.");
        assertThat(judgment).containsText("$70.00 left of $100.00 this month");
        assertThat(agent.locator("#owed")).containsText("$30.00");

        judgment.getByText("Grant a credit, refund or exception").click();
        judgment.getByLabel("Amount").fill("300.00");
        judgment.getByLabel("Why").fill("Her daughter's party was spoiled; a full refund and more");
        judgment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Grant it")).click();
        assertThat(judgment.locator(".flash.problem"))
                .hasText("$300.00 is more than the $50.00 you may grant per case. That needs an approval.");
        assertThat(judgment.getByLabel("Why")).hasValue("Her daughter's party was spoiled; a full refund and more");
        judgment.getByLabel("Who pays it, if approved").selectOption("team:" + accounting.id().value());
        Browsers.screenshot(agent, "approval-ask-desktop");
        judgment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ask for approval")).click();
        Locator filed = judgment.locator(".approval-filed");
        assertThat(filed).containsText("Sent to " + lena.name() + ", our team lead.");
        assertThat(filed.locator("blockquote")).containsText("I've taken this to " + lena.name()
                + ", our team lead; you will hear from me by");
        assertThat(judgment.locator(".approval-list")).containsText("Waiting");
        Browsers.screenshot(agent, "approval-filed-desktop");
        filed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Put it in my reply")).click();
        Locator message = agent.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
        assertThat(message).hasValue(Pattern.compile("^I.ve taken this to .*, our team lead; you will hear from me by"));
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(agent.locator(".message").last()).containsText("you will hear from me by");
        agent.reload();
        assertThat(agent.locator("#judgment .approval-list")).containsText("Waiting");
        assertThat(agent.locator("#judgment .approval-filed")).hasCount(0); // told: the words are not offered again
        agent.navigate(pages.url("/promises"));
        assertThat(agent.locator("main")).containsText("I've taken a $300.00 goodwill credit to " + lena.name());

        Page lead = pages.signedIn(lenaEmail);
        lead.navigate(pages.url("/approvals"));
        Locator card = lead.locator(".approval-card").filter(new Locator.FilterOptions().setHasText("Ana Souza"));
        assertThat(card).containsText("A $300.00 goodwill credit");
        assertThat(card).containsText("Her daughter's party was spoiled");
        Browsers.screenshot(lead, "approvals-desktop");
        lead.setViewportSize(390, 844);
        Browsers.screenshot(lead, "approvals-phone");
        lead.setViewportSize(1280, 860);
        card.getByLabel("Note for").fill("Yes: make it right for the party");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(card).containsText("Approved a $300.00 goodwill credit");
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))).hasCount(0);
        lead.navigate(pages.url("/authority/budgets"));
        assertThat(lead.locator("main")).containsText(maria.name());
        assertThat(lead.locator("main")).containsText("Arrived broken on the day");
        Browsers.screenshot(lead, "budgets-desktop");

        Page accountant = pages.signedIn(priyaEmail);
        accountant.navigate(pages.url("/owed"));
        Locator row = accountant.locator(".owed-row-item").filter(new Locator.FilterOptions().setHasText("Ana Souza"));
        assertThat(row).containsText("$300.00");
        row.getByLabel("Payment reference").fill("CR-" + tag);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark paid")).click();
        assertThat(row.locator(".badge")).hasText("Paid");

        agent.navigate(pages.url("/notifications"));
        assertThat(agent.locator("main")).containsText(lena.name() + " approved a $300.00 goodwill credit");
        agent.navigate(pages.url("/conversations/" + reference));
        assertThat(agent.locator("#judgment .approval-list")).containsText("Approved");
        assertThat(agent.locator("#owed .owed-tell")).containsText("Good news, Ana: the $300.00 goodwill credit we owed you has been paid");
        Browsers.screenshot(agent, "approval-approved-paid-desktop");
    }

    private static AuthorityLimit.Terms terms(String perCase, String budget) {
        return new AuthorityLimit.Terms(Money.of(perCase, "USD"), Money.of(budget, "USD"), List.of());
    }

    private SignedInAgent signedIn(String email) {
        return SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow());
    }

    private String inTeam(String email, Role role, Team team) {
        Agent agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        roster.update(agent.id(), agent.name(), role, Set.of(team.id()));
        return email;
    }
}
