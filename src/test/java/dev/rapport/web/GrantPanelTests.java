package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.authority.AuthorityLimit;
import dev.rapport.authority.AuthorityLimits;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.owed.OwedLedger;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.Money;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** "Use my judgment" in a conversation's sidebar: granted at once inside the limits, beyond them told it needs an approval. */
@RapportWebTest
class GrantPanelTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired AuthorityLimits limits;
    @Autowired OwedLedger owed;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired JdbcClient jdbc;

    private SignedInAgent maria;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        maria = signedIn(Role.AGENT);
        limits.setForAgent(maria.id().value(), new AuthorityLimit.Terms(Money.of("50", "USD"), Money.of("100", "USD"),
                List.of("Waive shipping")), signedIn(Role.ADMIN));
        conversation = desk.start(new NewConversation("Damaged order", new Requester("Alex",
                EmailAddress.of("alex-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM, "Broken.", null));
    }

    @Test
    void showsWhatIsLeftOfTheMonthsBudget() {
        assertThat(mvc.get().uri("/authority/conversation/" + conversation.number()).with(as(maria))).hasStatusOk()
                .bodyText().contains("Use my judgment").contains("$100.00</span> left of");
    }

    @Test
    void aCreditInsideTheLimitsIsGrantedAtOnceAndOwed() {
        assertThat(mvc.post().uri("/authority/conversation/" + conversation.number()).with(as(maria)).with(csrf())
                .header("HX-Request", "true").param("kind", "CREDIT").param("amount", "30.00")
                .param("currency", "USD").param("reason", "Half the order arrived broken"))
                .hasStatusOk().satisfies(granted -> assertThat(granted.getResponse().getHeader("HX-Trigger"))
                        .as("the owed panel is asked to show the new entry").isEqualTo("owed-changed"))
                .bodyText().contains("Granted.").contains("$70.00</span> left of");
        assertThat(owed.onConversation(conversation.id().value())).singleElement()
                .satisfies(entry -> assertThat(entry.amount()).isEqualTo(Money.of("30", "USD")));
    }

    @Test
    void aCreditBeyondTheLimitsSaysItNeedsAnApprovalAndKeepsWhatWasTyped() {
        assertThat(mvc.post().uri("/authority/conversation/" + conversation.number()).with(as(maria)).with(csrf())
                .header("HX-Request", "true").param("kind", "REFUND").param("amount", "80.00")
                .param("currency", "USD").param("reason", "Whole order lost"))
                .hasStatusOk().bodyText()
                .contains("$80.00 is more than the $50.00 you may grant per case. That needs an approval.")
                .contains("value=\"80.00\"").contains("value=\"Whole order lost\"");
        assertThat(owed.onConversation(conversation.id().value())).isEmpty();
    }

    @Test
    void someoneWithoutLimitsIsOfferedToAskForApprovalStraightAway() {
        jdbc.sql("delete from authority_limit where role = 'AGENT'").update();
        SignedInAgent sam = signedIn(Role.AGENT);
        assertThat(mvc.get().uri("/authority/conversation/" + conversation.number()).with(as(sam))).hasStatusOk()
                .bodyText().contains("You have no discretion budget").contains("Ask for a credit, refund or exception")
                .contains("Ask for approval").doesNotContain("Grant it");
    }

    @Test
    void aTeammateWithoutDiscretionIsNotOfferedThePanelNorAskedToFileApprovals() {
        Team accounting = roster.createTeam("Accounting " + UUID.randomUUID().toString().substring(0, 6), "");
        SignedInAgent lena = teammateOf(accounting);
        Conversation theirs = desk.start(new NewConversation("Refund question", new Requester("Alex",
                EmailAddress.of("alex-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM, "Refund?",
                accounting.id()));
        assertThat(mvc.get().uri("/conversations/" + theirs.number()).with(as(lena))).hasStatusOk()
                .bodyText().doesNotContain("/authority/conversation/" + theirs.number());
        assertThat(mvc.get().uri("/conversations/" + theirs.number()).with(as(maria))).hasStatusOk()
                .bodyText().contains("/authority/conversation/" + theirs.number());
        assertThat(mvc.get().uri("/authority/conversation/" + theirs.number()).with(as(lena))).hasStatusOk()
                .bodyText().contains("agent can ask for an approval")
                .doesNotContain("Ask for approval").doesNotContain("Grant it");
    }

    @Test
    void aTeammateWithDiscretionGrantsWithinItAndBeyondIsToldToAskTheAgent() {
        Team accounting = roster.createTeam("Accounting " + UUID.randomUUID().toString().substring(0, 6), "");
        SignedInAgent lena = teammateOf(accounting);
        limits.setForAgent(lena.id().value(), new AuthorityLimit.Terms(Money.of("20", "USD"), Money.of("40", "USD"),
                List.of()), signedIn(Role.ADMIN));
        Conversation theirs = desk.start(new NewConversation("Refund question", new Requester("Alex",
                EmailAddress.of("alex-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM, "Refund?",
                accounting.id()));
        assertThat(mvc.post().uri("/authority/conversation/" + theirs.number()).with(as(lena)).with(csrf())
                .param("kind", "CREDIT").param("amount", "90.00").param("currency", "USD")
                .param("reason", "Charged twice")).hasStatusOk().bodyText()
                .contains("agent to request it (teammates from other departments do not make promises").doesNotContain("Ask for approval")
                .contains("Charged twice");
        assertThat(mvc.post().uri("/authority/conversation/" + theirs.number()).with(as(lena)).with(csrf())
                .param("kind", "CREDIT").param("amount", "15.00").param("currency", "USD")
                .param("reason", "Charged twice")).hasStatusOk().bodyText().contains("Granted.");
    }

    private SignedInAgent teammateOf(Team team) {
        SignedInAgent teammate = signedIn(Role.TEAMMATE);
        return SignedInAgent.of(roster.update(teammate.id(), teammate.name(), Role.TEAMMATE,
                java.util.Set.of(team.id())));
    }

    private SignedInAgent signedIn(Role role) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        return SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow());
    }

    private static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
