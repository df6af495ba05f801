package dev.rapport.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.authority.ApprovalRequest;
import dev.rapport.authority.ApprovalState;
import dev.rapport.authority.Approvals;
import dev.rapport.authority.AuthorityLimit;
import dev.rapport.authority.AuthorityLimits;
import dev.rapport.authority.GrantRequest;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.Money;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Asking for an approval from the sidebar, deciding it on Approvals, and the leads' budgets page: inline errors with
 * what was typed kept, and 403 for whoever may not.
 */
@RapportWebTest
class ApprovalPagesTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired AuthorityLimits limits;
    @Autowired Approvals approvals;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;

    private SignedInAgent maria;
    private SignedInAgent lena;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        Team team = roster.createTeam("Support " + UUID.randomUUID(), "Front line");
        maria = signedIn(Role.AGENT, team);
        lena = signedIn(Role.LEAD, team);
        SignedInAgent admin = signedIn(Role.ADMIN, null);
        limits.setForAgent(maria.id().value(), terms("50", "100"), admin);
        limits.setForAgent(lena.id().value(), terms("500", "2000"), admin);
        conversation = desk.start(new NewConversation("Damaged order", new Requester("Alex Moreau",
                EmailAddress.of("alex-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM, "Broken.", null));
    }

    @Test
    void beyondTheLimitsThePanelOffersToAskWithATimeTheCustomerWillHearBy() {
        assertThat(mvc.post().uri("/authority/conversation/" + conversation.number()).with(as(maria)).with(csrf())
                .header("HX-Request", "true").param("kind", "CREDIT").param("amount", "300.00")
                .param("currency", "USD").param("reason", "Ruined birthday"))
                .hasStatusOk().bodyText()
                .contains("Ask for approval").contains("They will hear from me by")
                .contains("name=\"hearBy\"").contains("value=\"300.00\"").contains("value=\"Ruined birthday\"");
    }

    @Test
    void askingRoutesItAndGivesTheSentenceForTheCustomer() {
        String hearBy = Instant.now().plus(2, ChronoUnit.DAYS).atZone(java.time.ZoneOffset.UTC).toLocalDateTime()
                .truncatedTo(ChronoUnit.MINUTES).toString();
        assertThat(mvc.post().uri("/authority/conversation/" + conversation.number() + "/approval").with(as(maria))
                .with(csrf()).header("HX-Request", "true").param("kind", "CREDIT").param("amount", "300.00")
                .param("currency", "USD").param("reason", "Ruined birthday").param("hearBy", hearBy)
                .param("payer", "me"))
                .hasStatusOk().bodyText()
                .contains("Sent to " + lena.name() + ", our team lead.")
                .contains("I&#39;ve taken this to " + lena.name() + ", our team lead; you will hear from me by")
                .contains("Put it in my reply")
                .contains("Waiting");
        assertThat(approvals.onConversation(conversation, maria)).singleElement()
                .satisfies(request -> assertThat(request.approvers()).containsExactly(lena.id().value()));
    }

    @Test
    void aTimeAlreadyPassedIsShownBesideItsFieldWithEverythingKept() {
        assertThat(mvc.post().uri("/authority/conversation/" + conversation.number() + "/approval").with(as(maria))
                .with(csrf()).header("HX-Request", "true").param("kind", "REFUND").param("amount", "300.00")
                .param("currency", "USD").param("reason", "Lost parcel").param("hearBy", "2020-01-01T10:00"))
                .hasStatusOk().bodyText()
                .contains("That time has passed").contains("value=\"2020-01-01T10:00\"")
                .contains("value=\"Lost parcel\"");
        assertThat(approvals.onConversation(conversation, maria)).isEmpty();
    }

    @Test
    void theLeadDeclinesOnlyWithAReasonAndApprovesOnce() {
        ApprovalRequest filed = file("300.00");

        assertThat(mvc.get().uri("/approvals").with(as(lena))).hasStatusOk().bodyText()
                .contains("Waiting for your decision").contains("A $300.00 goodwill credit").contains("Alex Moreau")
                .contains("Approve");
        assertThat(mvc.post().uri("/approvals/" + filed.id() + "/decline").with(as(lena)).with(csrf())
                .header("HX-Request", "true").param("note", ""))
                .hasStatusOk().bodyText().contains("Say why not, so the customer can be told.");
        assertThat(mvc.post().uri("/approvals/" + filed.id() + "/approve").with(as(lena)).with(csrf())
                .header("HX-Request", "true").param("note", "Ten years with us"))
                .hasStatusOk().bodyText().contains("Approved a $300.00 goodwill credit");
        assertThat(mvc.post().uri("/approvals/" + filed.id() + "/approve").with(as(lena)).with(csrf())
                .param("note", "again"))
                .hasStatus(409).bodyText().contains(lena.name() + " already approved this request");
        assertThat(approvals.onConversation(conversation, maria)).singleElement()
                .satisfies(request -> assertThat(request.state()).isEqualTo(ApprovalState.APPROVED));
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        ApprovalRequest filed = file("300.00");

        assertThat(mvc.post().uri("/approvals/" + filed.id() + "/approve").with(as(maria)).with(csrf()))
                .hasStatus(403);
        assertThat(mvc.get().uri("/approvals").with(as(maria))).hasStatusOk().bodyText()
                .contains("What you asked for").contains("with " + lena.name());
    }

    @Test
    void budgetsAndApprovalsAreForLeads() {
        file("300.00");

        assertThat(mvc.get().uri("/authority/budgets").with(as(maria))).hasStatus(403);
        assertThat(mvc.get().uri("/authority/budgets").with(as(lena))).hasStatusOk().bodyText()
                .contains("Budgets this month").contains(maria.name()).contains("$100.00")
                .contains("Waiting for an approval").contains("A $300.00 goodwill credit");
    }

    private ApprovalRequest file(String amount) {
        Conversation fresh = desk.find(conversation.id()).orElseThrow();
        return approvals.file(GrantRequest.credit(fresh.customerId().orElseThrow(), fresh.id().value(),
                Money.of(amount, "USD"), "Ruined birthday"), Instant.now().plus(2, ChronoUnit.DAYS), maria);
    }

    private static AuthorityLimit.Terms terms(String perCase, String budget) {
        return new AuthorityLimit.Terms(Money.of(perCase, "USD"), Money.of(budget, "USD"), List.of());
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
