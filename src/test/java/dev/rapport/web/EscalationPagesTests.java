package dev.rapport.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.escalation.Escalator;
import dev.rapport.escalation.InternalRequest;
import dev.rapport.escalation.InternalRequestDesk;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The escalation pages: Admin → Escalation paths (admins only, inline errors), the sidebar's "Bring someone in"
 * panel, Requests for me (a teammate sees and answers what they were asked, and no other conversation), and the
 * report for leads and admins.
 */
@RapportWebTest
class EscalationPagesTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired InternalRequestDesk requests;
    @Autowired Escalator escalator;

    private SignedInAgent admin;
    private SignedInAgent maria;
    private SignedInAgent lena;
    private Team billing;
    private Team accounting;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Team support = roster.createTeam("Support " + tag, "");
        billing = roster.createTeam("Billing " + tag, "");
        accounting = roster.createTeam("Accounting " + tag, "");
        admin = signedIn(Role.ADMIN, null);
        maria = signedIn(Role.AGENT, support);
        lena = signedIn(Role.TEAMMATE, accounting);
        conversation = desk.start(new NewConversation("Charged twice " + tag, new Requester("Alex",
                EmailAddress.of("alex-" + tag + "@example.com")), Channel.WEB_FORM, "Twice!", support.id()));
        desk.assign(conversation.id(), maria, maria.id(), null);
    }

    @Test
    void anAdminDefinesAPathWithInlineErrorsAndOthersMayNot() {
        assertThat(mvc.get().uri("/admin/escalation-paths").with(as(admin))).hasStatusOk().bodyText()
                .contains("Escalation paths").contains("Steps, in order");
        assertThat(mvc.get().uri("/admin/escalation-paths").with(as(maria))).hasStatus(403);
        assertThat(mvc.post().uri("/admin/escalation-paths").with(as(maria)).with(csrf()).param("topic", "billing")
                .param("step", "team:" + billing.id().value())).hasStatus(403);

        assertThat(mvc.post().uri("/admin/escalation-paths").with(as(admin)).with(csrf())
                .param("topic", "refunds-" + billing.id().value().toString().substring(0, 4)).param("name", "Refunds")
                .param("step", "", "")).hasStatusOk().bodyText()
                .contains("Choose at least one team or person to bring in.").contains("value=\"Refunds\"");
        assertThat(mvc.post().uri("/admin/escalation-paths").with(as(admin)).param("topic", "billing")
                .param("step", "team:" + billing.id().value())).hasStatus(403); // no CSRF token

        String topic = "billing-" + billing.id().value().toString().substring(0, 6);
        assertThat(mvc.post().uri("/admin/escalation-paths").with(as(admin)).with(csrf()).param("topic", topic)
                .param("name", "Billing questions").param("step", "team:" + billing.id().value(),
                        "agent:" + admin.id().value()))
                .hasStatus3xxRedirection().hasRedirectedUrl("/admin/escalation-paths");
        assertThat(mvc.get().uri("/admin/escalation-paths").with(as(admin))).hasStatusOk().bodyText()
                .contains("Billing questions").contains(billing.name() + " team → " + admin.name());
    }

    @Test
    void thePanelEscalatesWithAReasonKeepsTheOwnerAndOffersTheWordsForTheCustomer() {
        String panel = "/escalation/conversation/" + conversation.number();
        assertThat(mvc.get().uri(panel).with(as(maria))).hasStatusOk().bodyText().contains("Bring someone in")
                .contains("Ask a teammate");
        assertThat(mvc.post().uri(panel).with(as(maria)).with(csrf()).header("HX-Request", "true")
                .param("to", "team:" + billing.id().value()).param("reason", ""))
                .hasStatusOk().bodyText().contains("Say why, so they start from what you know.");
        assertThat(mvc.post().uri(panel).with(as(maria)).with(csrf()).header("HX-Request", "true")
                .param("to", "team:" + billing.id().value()).param("reason", "Charged <b>twice</b>"))
                .hasStatusOk().bodyText().contains("Brought in " + billing.name() + " team. You stay the owner.")
                .contains("I&#39;ve asked our " + billing.name() + " team to help with this")
                .contains("Charged &lt;b&gt;twice&lt;/b&gt;").doesNotContain("<b>twice</b>");
        assertThat(desk.find(conversation.id()).orElseThrow().assignee()).contains(maria.id());
        assertThat(mvc.get().uri("/conversations/" + conversation.number()).with(as(maria))).hasStatusOk()
                .bodyText().contains("escalated it to " + billing.name() + " team");
    }

    @Test
    void aTeammateSeesOnlyWhatTheyWereAskedAboutAndAnswersItAsANote() {
        String page = "/conversations/" + conversation.number();
        assertThat(mvc.get().uri(page).with(as(lena))).hasStatus(403);
        assertThat(mvc.post().uri("/escalation/conversation/" + conversation.number() + "/ask").with(as(maria))
                .with(csrf()).header("HX-Request", "true").param("whom", "team:" + accounting.id().value())
                .param("question", "").param("dueAt", "2099-01-01T10:00"))
                .hasStatusOk().bodyText().contains("Write the question or the task.");
        assertThat(mvc.post().uri("/escalation/conversation/" + conversation.number() + "/ask").with(as(maria))
                .with(csrf()).header("HX-Request", "true").param("whom", "team:" + accounting.id().value())
                .param("question", "Was the refund sent?").param("dueAt", "yesterday"))
                .hasStatusOk().bodyText().contains("Give a date and time, like 2026-11-24 17:00.");
        InternalRequest request = requests.ask(conversation, "team:" + accounting.id().value(),
                "Was the refund sent?", Instant.now().plus(Duration.ofHours(4)), maria);
        Conversation other = desk.start(new NewConversation("Another matter", new Requester("Bo",
                EmailAddress.of("bo-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM, "Hi", null));

        assertThat(mvc.get().uri(page).with(as(lena))).hasStatusOk().bodyText()
                .contains("You were brought in to help: add notes.").doesNotContain("Assign to me")
                .doesNotContain("Save details");
        assertThat(mvc.get().uri(page).with(as(maria))).hasStatusOk().bodyText().contains("Save details");
        assertThat(mvc.get().uri("/conversations/" + other.number()).with(as(lena))).hasStatus(403);
        assertThat(mvc.get().uri("/requests").with(as(lena))).hasStatusOk().bodyText()
                .contains("Was the refund sent?").contains("Answer for " + maria.name());
        assertThat(mvc.post().uri("/requests/" + request.id() + "/answer").with(as(lena)).with(csrf())
                .param("answer", " ")).hasStatusOk().bodyText().contains("Write your answer.");
        SignedInAgent stranger = signedIn(Role.TEAMMATE, null);
        assertThat(mvc.post().uri("/requests/" + request.id() + "/answer").with(as(stranger)).with(csrf())
                .param("answer", "Me")).hasStatus(403);
        assertThat(mvc.post().uri("/requests/" + request.id() + "/answer").with(as(lena)).with(csrf())
                .param("answer", "Yes, on Monday.")).hasStatus3xxRedirection();
        assertThat(desk.messages(conversation.id())).filteredOn(m -> m.kind() == Message.Kind.NOTE)
                .extracting(Message::body).anyMatch(body -> body.endsWith("Yes, on Monday."));
        assertThat(mvc.post().uri("/requests/" + request.id() + "/answer").with(as(lena)).with(csrf())
                .param("answer", "Again")).hasStatusOk().bodyText().contains("already answered this request.");
    }

    @Test
    void theReportIsForLeadsAndAdmins() {
        escalator.escalate(conversation, "team:" + billing.id().value(), "Double charge", false, maria);
        assertThat(mvc.get().uri("/escalation/report").with(as(maria))).hasStatus(403);
        assertThat(mvc.get().uri("/escalation/report").with(as(signedIn(Role.LEAD, null)))).hasStatusOk().bodyText()
                .contains("Escalation report").contains(billing.name() + " team");
        assertThat(mvc.get().uri("/escalation/report?days=7").with(as(admin))).hasStatusOk().bodyText()
                .contains("Last 7 days");
    }

    private SignedInAgent signedIn(Role role, Team team) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        Agent agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        if (team != null) {
            agent = roster.update(agent.id(), agent.name(), role, Set.of(team.id()));
        }
        return SignedInAgent.of(agent);
    }

    private static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
