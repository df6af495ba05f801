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
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalation in real Chromium: an admin defines a path for billing questions; an agent escalates a billing conversation
 * with a reason and stays its owner; the Billing teammate sees it and nothing else; the timeline shows it; the agent
 * asks Accounting a question, an accounting teammate answers it on Requests for me, and the answer is a note on the
 * conversation.
 */
@RapportWebTest
class EscalationBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired Desk desk;

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
    void anAgentEscalatesAlongThePathStaysTheOwnerAndAnAccountingTeammateAnswersAsANote() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Team support = roster.createTeam("Support " + tag, "");
        Team billing = roster.createTeam("Billing " + tag, "");
        Team finance = roster.createTeam("Finance " + tag, "");
        Team accounting = roster.createTeam("Accounting " + tag, "");
        String adminEmail = person("Ada Admin", Role.ADMIN, null);
        String mariaEmail = person("Maria Lopez", Role.AGENT, support);
        String jonasEmail = person("Jonas Berg", Role.TEAMMATE, billing);
        String fionaEmail = person("Fiona Walsh", Role.LEAD, finance);
        String priyaEmail = person("Priya Shah", Role.TEAMMATE, accounting);
        SignedInAgent maria = signedIn(mariaEmail);
        SignedInAgent fiona = signedIn(fionaEmail);
        String topic = "billing-" + tag;

        Page admin = pages.signedIn(adminEmail);
        admin.navigate(pages.url("/admin/escalation-paths"));
        admin.getByLabel("Tag").fill(topic);
        admin.getByLabel("Topic name").fill("Billing questions");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save path")).click();
        assertThat(admin.locator(".path-form .error")).hasText("Choose at least one team or person to bring in.");
        assertThat(admin.getByLabel("Tag")).hasValue(topic);
        admin.locator("#path-step-1").selectOption("team:" + billing.id().value());
        admin.locator("#path-step-2").selectOption("agent:" + fiona.id().value());
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save path")).click();
        assertThat(admin.locator(".flash.notice")).containsText("Saved the path for Billing questions.");
        Locator row = admin.locator(".paths-table tr").filter(new Locator.FilterOptions().setHasText(topic));
        assertThat(row).containsText("Billing " + tag + " team → Fiona Walsh (Finance " + tag + ")");
        Browsers.screenshot(admin, "escalation-paths-desktop");

        String reference = pages.contactForm("Ana Souza", "ana-" + tag + "@customers.example", "Charged twice " + tag,
                "I was charged twice for order 5521. Please sort this out.");
        Conversation conversation = desk.findByNumber(Long.parseLong(reference)).orElseThrow();
        desk.moveToTeam(conversation.id(), maria, support.id(), null);
        desk.assign(conversation.id(), maria, maria.id(), null);
        desk.retag(conversation.id(), maria, Set.of(topic), null);

        Page agent = pages.signedIn(mariaEmail);
        agent.navigate(pages.url("/conversations/" + reference));
        Locator panel = agent.locator("#escalation");
        panel.locator("summary").filter(new Locator.FilterOptions().setHasText("Escalate")).click();
        assertThat(panel).containsText("Path for Billing questions: next is Billing " + tag + " team.");
        assertThat(panel.getByLabel("Bring in")).hasValue("team:" + billing.id().value());
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Escalate")).click();
        assertThat(panel.locator("#escalate-reason-error")).hasText("Say why, so they start from what you know.");
        panel.getByLabel("Why").fill("Charged twice for order 5521; the refund needs Billing");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Escalate")).click();
        assertThat(panel.locator(".flash.notice")).hasText("Brought in Billing " + tag + " team. You stay the owner.");
        assertThat(panel.locator(".escalation-tell blockquote")).hasText("I've asked our Billing " + tag
                + " team to help with this; I'm staying with you until it's sorted.");
        assertThat(panel.locator(".escalation-owner")).hasText("Maria Lopez owns the relationship with the customer.");
        Browsers.screenshot(agent, "escalation-escalated-desktop");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Put it in my reply")).click();
        assertThat(agent.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)))
                .hasValue(Pattern.compile("I.ve asked our Billing " + tag + " team to help with this"));
        agent.reload();
        assertThat(agent.locator(".activity-line").filter(new Locator.FilterOptions().setHasText("escalated it to")))
                .containsText("Maria Lopez escalated it to Billing " + tag
                        + " team: Charged twice for order 5521; the refund needs Billing");
        assertThat(desk.findByNumber(Long.parseLong(reference)).orElseThrow().assignee()).contains(maria.id());

        Page specialist = pages.signedIn(jonasEmail);
        specialist.navigate(pages.url("/requests"));
        Locator escalated = specialist.locator(".escalated-table tr").filter(new Locator.FilterOptions()
                .setHasText("#" + reference));
        assertThat(escalated).containsText("Charged twice for order 5521");
        escalated.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("#" + reference)).click();
        assertThat(specialist.locator("main")).containsText("I was charged twice for order 5521.");
        Browsers.screenshot(specialist, "escalation-specialist-conversation-desktop");

        panel = agent.locator("#escalation");
        panel.getByText("Ask a question or give a task").click();
        panel.getByLabel("Ask", new Locator.GetByLabelOptions().setExact(true))
                .selectOption("team:" + accounting.id().value());
        panel.getByLabel("Question or task").fill("Has the refund for order 5521 gone out, and when?");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ask").setExact(true)).click();
        assertThat(panel.locator(".request-list")).containsText("Has the refund for order 5521 gone out, and when?");
        assertThat(panel.locator(".request-list .badge")).hasText("Waiting");

        Page accountant = pages.signedIn(priyaEmail);
        String elsewhere = pages.contactForm("Bo Berg", "bo-" + tag + "@customers.example", "Where is my parcel " + tag,
                "Nothing arrived.");
        assertThat(accountant.navigate(pages.url("/conversations/" + elsewhere)).status()).isEqualTo(403);
        accountant.navigate(pages.url("/requests"));
        Locator card = accountant.locator(".request-card").filter(new Locator.FilterOptions()
                .setHasText("Has the refund for order 5521 gone out"));
        assertThat(card).containsText("from Maria Lopez");
        Browsers.screenshot(accountant, "escalation-requests-desktop");
        accountant.setViewportSize(390, 844);
        Browsers.screenshot(accountant, "escalation-requests-phone");
        accountant.setViewportSize(1280, 860);
        card.getByLabel("Answer for Maria Lopez").fill("Yes: refunded on Monday, reference R-88. 3–5 days to arrive.");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Answer")).click();
        assertThat(accountant.locator(".flash.notice")).containsText("Answered. Maria Lopez sees it on #" + reference);
        assertThat(accountant.locator(".answered-list")).containsText("Has the refund for order 5521 gone out");

        agent.reload();
        Locator note = agent.locator(".message.note").last();
        assertThat(note).containsText("Yes: refunded on Monday, reference R-88.");
        assertThat(note).containsText("Priya Shah");
        assertThat(agent.locator("#escalation .request-list .badge")).hasText("Answered");
        Browsers.screenshot(agent, "escalation-answered-desktop");
        agent.navigate(pages.url("/notifications"));
        assertThat(agent.locator("main")).containsText("Priya Shah answered your request on #" + reference);

        Page lead = pages.signedIn(fionaEmail);
        lead.navigate(pages.url("/escalation/report"));
        assertThat(lead.locator(".report-table").first()).containsText("Billing " + tag + " team");
        Browsers.screenshot(lead, "escalation-report-desktop");
    }

    private String person(String name, Role role, Team team) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        Agent agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        roster.update(agent.id(), name, role, team == null ? Set.of() : Set.of(team.id()));
        return email;
    }

    private SignedInAgent signedIn(String email) {
        return SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow());
    }
}
