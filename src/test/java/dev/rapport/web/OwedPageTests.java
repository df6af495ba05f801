package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedKind;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedState;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.Money;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Money owed on the pages: recorded from the sidebar, listed and paid on Money we owe, aged, exported; who sees what. */
@RapportWebTest
class OwedPageTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired Desk desk;
    @Autowired OwedLedger ledger;

    private Team accounting;
    private SignedInAgent agent;
    private SignedInAgent accountant;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        accounting = roster.createTeam("Accounting " + UUID.randomUUID().toString().substring(0, 6), null);
        agent = agent(Role.AGENT, Set.of());
        accountant = agent(Role.TEAMMATE, Set.of(accounting.id()));
        conversation = desk.start(new NewConversation("Damaged order", new Requester("Alex Moreau",
                EmailAddress.of("alex-" + UUID.randomUUID() + "@example.com")), Channel.EMAIL,
                "Half the order arrived broken.", null));
    }

    @Test
    void theSidebarRecordsMoneyOwedAndSaysItInASentence() {
        assertThat(mvc.get().uri("/owed/conversation/" + conversation.number()).with(as(agent)))
                .hasStatusOk().bodyText().contains("We owe them money").contains("Accounting");

        assertThat(mvc.post().uri("/owed/conversation/" + conversation.number()).with(as(agent)).with(csrf())
                .header("HX-Request", "true")
                .param("amount", "700.00").param("currency", "usd").param("kind", "CREDIT")
                .param("reason", "Half the order arrived broken").param("responsible", "team:" + accounting.id())
                .param("due", LocalDate.now().plusDays(7).toString()).param("reference", "ORD-1042"))
                .hasStatusOk().bodyText().contains("We owe Alex $700.00 since ").contains("(" + accounting.name()
                        + ", due ").contains("Recorded.");
        assertThat(ledger.onConversation(conversation.id().value())).singleElement().satisfies(entry -> {
            assertThat(entry.amount()).isEqualTo(Money.of("700", "USD"));
            assertThat(entry.responsibleTeam()).hasValue(accounting.id().value());
            assertThat(entry.reference()).hasValue("ORD-1042");
        });
    }

    @Test
    void mistakesShowNextToTheirFieldsAndKeepWhatWasTyped() {
        assertThat(mvc.post().uri("/owed/conversation/" + conversation.number()).with(as(agent)).with(csrf())
                .header("HX-Request", "true")
                .param("amount", "700.005").param("currency", "USD").param("kind", "REFUND")
                .param("reason", "Broken vase, our packing").param("responsible", "")
                .param("due", LocalDate.now().plusDays(7).toString()))
                .hasStatusOk().bodyText()
                .contains("USD has 2 decimals at most.").contains("Choose who will pay it.")
                .contains("value=\"700.005\"").contains("value=\"Broken vase, our packing\"");
        assertThat(mvc.post().uri("/owed/conversation/" + conversation.number()).with(as(agent)).with(csrf())
                .header("HX-Request", "true")
                .param("amount", "0").param("currency", "XYZ").param("kind", "REFUND").param("reason", "x")
                .param("responsible", "team:" + accounting.id()).param("due", "2020-01-01"))
                .hasStatusOk().bodyText().contains("is not a known currency");
        assertThat(ledger.onConversation(conversation.id().value())).isEmpty();
    }

    @Test
    void anAccountantPaysFromMoneyWeOweAndSeesOnlyWhatIsRoutedToThem() {
        MoneyOwed theirs = owed(accounting.id().value(), null);
        MoneyOwed notTheirs = owed(null, agent.id().value());

        assertThat(mvc.get().uri("/owed").with(as(accountant))).hasStatusOk().bodyText()
                .contains("owed-row-" + theirs.id()).doesNotContain("owed-row-" + notTheirs.id())
                .contains("Mark paid");

        assertThat(mvc.post().uri("/owed/" + notTheirs.id() + "/pay").with(as(accountant)).with(csrf())
                .param("reference", "BT-1")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/owed/" + theirs.id() + "/pay").with(as(accountant)).with(csrf())
                .header("HX-Request", "true").param("reference", "")).hasStatusOk().bodyText()
                .contains("Give the payment");
        assertThat(mvc.post().uri("/owed/" + theirs.id() + "/pay").with(as(accountant)).with(csrf())
                .header("HX-Request", "true").param("reference", "BT-2026-0042")).hasStatusOk().bodyText()
                .contains("Marked paid").contains("BT-2026-0042");
        assertThat(ledger.require(theirs.id()).state()).isEqualTo(OwedState.PAID);
        assertThat(mvc.post().uri("/owed/" + theirs.id() + "/pay").with(as(accountant)).with(csrf())
                .header("HX-Request", "true").param("reference", "BT-again")).hasStatusOk().bodyText()
                .contains("already paid");
        assertThat(mvc.post().uri("/owed/" + notTheirs.id() + "/pay").with(as(accountant))
                .param("reference", "BT-1")).as("CSRF").hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void leadsSeeEveryoneWithFiltersTheAgingReportAndTheCsv() {
        MoneyOwed entry = owed(accounting.id().value(), null);
        SignedInAgent lead = agent(Role.LEAD, Set.of());

        assertThat(mvc.get().uri("/owed").param("responsible", "team:" + accounting.id()).with(as(lead)))
                .hasStatusOk().bodyText().contains("owed-row-" + entry.id());
        assertThat(mvc.get().uri("/owed/aging").with(as(lead))).hasStatusOk().bodyText()
                .contains("0–7 days").contains(accounting.name()).contains("$700.00");
        assertThat(mvc.get().uri("/owed/export.csv").param("responsible", "team:" + accounting.id()).with(as(lead)))
                .hasStatusOk().bodyText()
                .startsWith("owed_since,days_owed,age,customer_number")
                .contains(",CREDIT,700.00,USD,Half the order arrived broken,ORD-1042," + accounting.name());
        MoneyOwed agents = owed(null, agent.id().value());
        assertThat(mvc.get().uri("/owed/export.csv").with(as(accountant))).hasStatusOk().bodyText()
                .as("a teammate's export holds only what is routed to them").doesNotContain(agent.name() + ",");
        assertThat(agents.responsibleAgent()).hasValue(agent.id().value());
    }

    @Test
    void theCardSaysWhatWeOwe() {
        owed(accounting.id().value(), null);
        assertThat(mvc.get().uri("/conversations/" + conversation.number()).with(as(agent))).hasStatusOk()
                .bodyText().contains("Money we owe").contains("We owe Alex $700.00 since");
    }

    @Test
    void aTeammateSeesOnTheConversationAndCardOnlyWhatIsRoutedToThem() {
        Conversation routed = desk.start(new NewConversation("Invoice question", new Requester("Bea Lang",
                EmailAddress.of("bea-" + UUID.randomUUID() + "@example.com")), Channel.EMAIL, "Is my credit paid?",
                accounting.id()));
        ledger.record(new MoneyOwed.Terms(null, routed.id().value(), Money.of("40.00", "EUR"), OwedKind.CREDIT,
                "Late delivery", null, accounting.id().value(), Instant.now().plus(Duration.ofDays(7)), null, null),
                agent);
        ledger.record(new MoneyOwed.Terms(null, routed.id().value(), Money.of("5.00", "EUR"), OwedKind.GOODWILL,
                "Sorry for the wait", agent.id().value(), null, Instant.now().plus(Duration.ofDays(7)), null, null),
                agent);

        assertThat(mvc.get().uri("/owed/conversation/" + routed.number()).with(as(accountant))).hasStatusOk()
                .bodyText().contains("€40.00").doesNotContain("€5.00").doesNotContain("We owe them money");
        assertThat(mvc.get().uri("/conversations/" + routed.number()).with(as(accountant))).hasStatusOk()
                .bodyText().contains("We owe Bea €40.00").doesNotContain("€5.00");
        assertThat(mvc.get().uri("/owed/conversation/" + routed.number()).with(as(agent))).hasStatusOk()
                .bodyText().contains("€40.00").contains("€5.00");
        assertThat(mvc.get().uri("/owed/conversation/" + conversation.number()).with(as(accountant)))
                .as("a conversation not routed to their team").hasStatus(HttpStatus.FORBIDDEN);
    }

    private MoneyOwed owed(UUID team, UUID person) {
        return ledger.record(new MoneyOwed.Terms(null, conversation.id().value(), Money.of("700.00", "USD"),
                OwedKind.CREDIT, "Half the order arrived broken", person, team,
                Instant.now().plus(Duration.ofDays(7)), null, "ORD-1042"), agent);
    }

    private SignedInAgent agent(Role role, Set<Team.TeamId> teams) {
        var found = roster.findAgentByEmail(EmailAddress.of(TestBusiness.agentWithPassword(roster, passwords, role)))
                .orElseThrow();
        if (!teams.isEmpty()) {
            found = roster.update(found.id(), found.name(), role, teams);
        }
        return SignedInAgent.of(found);
    }

    private static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
