package dev.rapport.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.PromiseScript;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * The promises report page: who sees what, the figures as words, and wrong periods answered beside the field. Its
 * promises fell due in June 2025 (Berlin), a period no other test uses.
 */
@RapportWebTest
class PromiseReportPageTests {

    private static final String JUNE = "/promises/report?from=2025-06-02&to=2025-06-15";

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired PromiseLedger ledger;
    @Autowired Desk desk;
    @Autowired ControllableClock clock;

    private static Agent ana;
    private static Agent ben;
    private static Team parcels;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        if (ana == null) {
            playJune();
        }
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void leadsAndAdminsSeeEveryoneByAgentAndTeam() {
        for (Role role : new Role[] {Role.LEAD, Role.ADMIN}) {
            assertThat(mvc.get().uri(JUNE).with(as(role))).hasStatusOk().bodyText()
                    .contains("<title>Promise report</title>")
                    .contains("Everyone, 2 Jun 2025 – 15 Jun 2025")
                    .contains("60%").contains("3 kept, 2 broken")
                    .contains("By agent").contains("Ana Ortiz").contains("66.7%").contains("Ben Brandt")
                    .contains("By team").contains(parcels.name())
                    .contains("5 h").contains("Wrapped it again and sent it")
                    .contains("The work was not done by the deadline");
        }
    }

    @Test
    void anAgentSeesOnlyTheirOwnPromises() {
        assertThat(mvc.get().uri(JUNE).with(as(SignedInAgent.of(ana)))).hasStatusOk().bodyText()
                .contains("Ana Ortiz, 2 Jun 2025 – 15 Jun 2025")
                .contains("66.7%").contains("2 kept, 1 broken").contains("Call about the spare parts")
                .doesNotContain("Ben Brandt").doesNotContain("Wrap the crane again").doesNotContain("By team")
                .doesNotContain("id=\"team\"");
        assertThat(mvc.get().uri(JUNE + "&team=" + parcels.id()).with(as(SignedInAgent.of(ana)))).hasStatusOk()
                .bodyText().as("an agent cannot ask for a team").contains("Ana Ortiz, 2 Jun").doesNotContain(
                        "Ben Brandt");
    }

    @Test
    void teammatesFromOtherDepartmentsAreRefused() {
        assertThat(mvc.get().uri(JUNE).with(as(Role.TEAMMATE))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aLeadNarrowsTheReportToOneTeam() {
        assertThat(mvc.get().uri(JUNE + "&team=" + parcels.id()).with(as(Role.LEAD))).hasStatusOk().bodyText()
                .contains(parcels.name() + ", 2 Jun 2025")
                .contains("100%").contains("1 kept, 0 broken").doesNotContain("Ana Ortiz");
    }

    @Test
    void aPeriodWithNothingDueSaysSoInsteadOfZeroPercent() {
        assertThat(mvc.get().uri("/promises/report?from=2019-02-04&to=2019-02-10").with(as(Role.LEAD)))
                .hasStatusOk().bodyText()
                .contains("no promises due").doesNotContain("0%").doesNotContain("NaN");
    }

    @Test
    void withoutAPeriodItShowsTheLastEightWeeks() {
        clock.freezeAt(Instant.parse("2025-06-18T10:00:00Z"));
        assertThat(mvc.get().uri("/promises/report").with(as(Role.LEAD))).hasStatusOk().bodyText()
                .contains("Everyone, 28 Apr 2025 – 18 Jun 2025")
                .contains("value=\"2025-04-28\"").contains("value=\"2025-06-18\"");
    }

    @Test
    void wrongPeriodsAreAnsweredBesideTheFieldNotWithAnError() {
        assertThat(mvc.get().uri("/promises/report?from=2025-06-15&to=2025-06-02").with(as(Role.LEAD)))
                .hasStatusOk().bodyText()
                .contains("The last day comes before the first; swap them.")
                .contains("Correct the period above").doesNotContain("By agent");
        assertThat(mvc.get().uri("/promises/report").param("from", "last tuesday").param("to", "2025-13-45")
                .with(as(Role.LEAD)))
                .hasStatusOk().bodyText()
                .contains("Enter the first day as a date, like").contains("Enter the last day as a date, like")
                .contains("value=\"last tuesday\"").contains("aria-invalid=\"true\"");
        assertThat(mvc.get().uri("/promises/report?from=2020-01-01&to=2025-06-01").with(as(Role.LEAD)))
                .hasStatusOk().bodyText().contains("Choose a period of two years at most.");
        assertThat(mvc.get().uri(JUNE + "&team=not-a-team").with(as(Role.LEAD)))
                .hasStatusOk().bodyText().contains("There is no such team; choose one from the list.");
        assertThat(mvc.get().uri(JUNE + "&team=" + UUID.randomUUID()).with(as(Role.LEAD)))
                .hasStatusOk().bodyText().contains("There is no such team; choose one from the list.");
    }

    /**
     * Ana keeps two and breaks one (never done), Ben does his five hours late, the Parcels team keeps its one:
     * 3 kept and 2 broken.
     */
    private void playJune() {
        parcels = roster.createTeam("Parcels " + UUID.randomUUID().toString().substring(0, 6), null);
        ana = agent("Ana Ortiz", Set.of());
        ben = agent("Ben Brandt", Set.of());
        PromiseScript script = new PromiseScript(ledger, desk, clock);
        script.at(Instant.parse("2025-06-02T08:00:00Z"));
        Conversation engine = script.conversation("Engine missing", "Paul");
        Conversation crane = script.conversation("Crane broken", "Lea");
        Promise engineSent = script.make(engine, "Replace the missing engine", ana.id().value(), null, null,
                Instant.parse("2025-06-03T10:00:00Z"));
        Promise refund = script.make(engine, "Refund the postage", ana.id().value(), null, null,
                Instant.parse("2025-06-04T10:00:00Z"));
        Promise call = script.make(engine, "Call about the spare parts", ana.id().value(), null, null,
                Instant.parse("2025-06-05T09:00:00Z"));
        Promise wrap = script.make(crane, "Wrap the crane again", ben.id().value(), null, null,
                Instant.parse("2025-06-10T09:00:00Z"));
        Promise label = script.make(crane, "Send a return label", null, parcels.id().value(), ana.id().value(),
                Instant.parse("2025-06-11T09:00:00Z"));
        script.at(Instant.parse("2025-06-03T09:00:00Z"));
        script.doneAndTold(engineSent);
        script.doneAndTold(refund);
        script.at(Instant.parse("2025-06-05T10:30:00Z"));
        script.checkDeadlines();
        script.at(Instant.parse("2025-06-10T14:00:00Z"));
        script.done(wrap);
        script.resolve(wrap, "Wrapped it again and sent it by express");
        script.at(Instant.parse("2025-06-11T08:00:00Z"));
        script.doneAndTold(label);
        script.at(Instant.parse("2025-06-16T08:00:00Z"));
        script.checkDeadlines();
        assertThat(ledger.require(call.id()).everBroken()).isTrue();
        clock.resume();
    }

    private Agent agent(String name, Set<Team.TeamId> teams) {
        var invited = roster.invite(name, EmailAddress.of(name.toLowerCase().replace(' ', '.') + "-"
                + UUID.randomUUID().toString().substring(0, 6) + "@rapport.test"), Role.AGENT, teams);
        return passwords.acceptInvitation(invited.invitationToken(), TestBusiness.PASSWORD);
    }

    private RequestPostProcessor as(Role role) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        return as(SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow()));
    }

    private static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
