package dev.rapport.promises;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The report's figures from promises with known outcomes, the clock driven by hand and the deadline check run by the
 * test (the scheduled one is switched off, so nothing breaks behind its back).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"conversations", "agents", "business"})
class PromiseReportTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @MockitoBean DeadlineWatch scheduledDeadlineCheck;
    @Autowired PromiseLedger ledger;
    @Autowired PromiseReport report;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired ControllableClock clock;

    @AfterEach
    void resume() {
        clock.resume();
    }

    /**
     * Two weeks in Berlin (2–15 March 2026, UTC+1) with eleven promises due in them and two just outside, one each
     * side of midnight in Berlin. Maria, Tom (in Support), the Billing team, and Tom's promise made for Support too.
     */
    @Test
    void countsEachPromiseOnceByItsFirstDeadlineWithItsOutcome() {
        clock.freezeAt(Instant.parse("2026-02-27T09:00:00Z"));
        Team support = roster.createTeam("Support " + UUID.randomUUID(), null);
        Team billing = roster.createTeam("Billing " + UUID.randomUUID(), null);
        UUID maria = agent("Maria", Set.of());
        UUID tom = agent("Tom", Set.of(support.id()));
        UUID a = conversation("Engine missing");
        UUID b = conversation("Refund for the crane");
        UUID c = conversation("Birthday order");

        Promise p0 = make(a, maria, null, maria, "2026-03-01T22:30:00Z");
        Promise p1 = make(a, maria, null, maria, "2026-03-01T23:30:00Z");
        Promise p2 = make(a, maria, null, maria, "2026-03-04T12:00:00Z");
        Promise p3 = make(a, maria, null, maria, "2026-03-05T09:00:00Z");
        Promise p4 = make(b, tom, null, tom, "2026-03-05T09:00:00Z");
        Promise p5 = make(b, null, billing, maria, "2026-03-06T15:00:00Z");
        Promise p6 = make(b, tom, null, tom, "2026-03-06T12:00:00Z");
        Promise p7 = make(b, maria, null, maria, "2026-03-10T09:00:00Z");
        Promise p8 = make(c, tom, null, tom, "2026-03-11T09:00:00Z");
        Promise p9 = make(c, maria, null, maria, "2026-03-12T09:00:00Z");
        Promise p10 = make(c, null, billing, maria, "2026-03-15T20:00:00Z");
        Promise p11 = make(c, tom, support, tom, "2026-03-12T15:00:00Z");
        make(c, maria, null, maria, "2026-03-15T23:30:00Z");

        at("2026-02-27T10:00:00Z");
        doneAndTold(p0);
        doneAndTold(p1);
        at("2026-03-03T10:00:00Z");
        doneAndTold(p2);
        at("2026-03-05T08:00:00Z");
        ledger.renegotiate(p6.id(), Instant.parse("2026-03-10T12:00:00Z"), null, "Next Tuesday", "Tom");
        at("2026-03-05T09:15:00Z");
        assertThat(ledger.breakOverdue()).as("p3 and p4").isEqualTo(2);
        at("2026-03-05T12:00:00Z");
        ledger.markDone(p4.id(), "Tom");
        ledger.resolve(p4.id(), "Sent it with an apology and a voucher", "Tom");
        at("2026-03-06T14:00:00Z");
        doneAndTold(p5);
        at("2026-03-09T10:00:00Z");
        doneAndTold(p6);
        at("2026-03-10T08:00:00Z");
        ledger.markDone(p7.id(), "Maria");
        at("2026-03-10T10:15:00Z");
        assertThat(ledger.breakOverdue()).as("p7, the customer not told").isEqualTo(1);
        at("2026-03-11T08:00:00Z");
        ledger.cancel(p9.id(), "Bought it in the shop", "Maria");
        at("2026-03-11T09:15:00Z");
        assertThat(ledger.breakOverdue()).as("p8").isEqualTo(1);
        at("2026-03-11T10:00:00Z");
        ledger.renegotiate(p8.id(), Instant.parse("2026-03-13T12:00:00Z"), null, "Friday noon", "Tom");
        at("2026-03-12T15:15:00Z");
        assertThat(ledger.breakOverdue()).as("p11").isEqualTo(1);
        at("2026-03-13T09:00:00Z");
        doneAndTold(p8);
        at("2026-03-13T15:00:00Z");
        ledger.markDone(p11.id(), "Tom");
        at("2026-03-15T17:00:00Z");
        assertThat(ledger.breakOverdue()).isZero();
        assertThat(ledger.require(p8.id()).state()).as("kept after a break: still counted broken")
                .isEqualTo(PromiseState.KEPT);

        ReportPeriod twoWeeks = new ReportPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15), BERLIN);
        PromiseReport.Figures everyone = report.figures(twoWeeks, new PromiseReport.Everyone());

        long late = Duration.ofHours(3 + 24).toSeconds();
        assertThat(everyone.overall()).isEqualTo(new PromiseTally(4, 5, 1, 1, 3, 2, late));
        assertThat(everyone.overall().keptRate().getAsDouble()).isCloseTo(4.0 / 9, within(1e-9));
        assertThat(everyone.overall().averageLateness()).contains(Duration.ofMinutes(13 * 60 + 30));
        assertThat(everyone.byAgent()).containsOnlyKeys(maria, tom);
        assertThat(everyone.byAgent().get(maria)).isEqualTo(new PromiseTally(2, 2, 1, 0, 2, 0, 0));
        assertThat(everyone.byAgent().get(maria).keptRate().getAsDouble()).isEqualTo(0.5);
        assertThat(everyone.byAgent().get(tom)).isEqualTo(new PromiseTally(1, 3, 0, 0, 1, 2, late));
        assertThat(everyone.byAgent().get(tom).keptRate().getAsDouble()).isEqualTo(0.25);
        assertThat(everyone.byTeam()).containsOnlyKeys(billing.id().value(), support.id().value());
        assertThat(everyone.byTeam().get(billing.id().value())).isEqualTo(new PromiseTally(1, 0, 0, 1, 0, 0, 0));
        assertThat(everyone.byTeam().get(support.id().value()))
                .isEqualTo(new PromiseTally(0, 1, 0, 0, 1, 1, Duration.ofHours(24).toSeconds()));
        assertThat(everyone.weeks()).containsExactly(
                new PromiseReport.Week(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8),
                        new PromiseTally(4, 2, 0, 0, 1, 1, Duration.ofHours(3).toSeconds())),
                new PromiseReport.Week(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 15),
                        new PromiseTally(0, 3, 1, 1, 2, 1, Duration.ofHours(24).toSeconds())));
        assertThat(everyone.perConversation()).isEqualTo(new PromiseReport.PerConversation(11, 3));
        assertThat(everyone.perConversation().average().getAsDouble()).isCloseTo(11.0 / 3, within(1e-9));

        List<PromiseReport.BrokenPromise> broken = everyone.broken();
        assertThat(broken).extracting(PromiseReport.BrokenPromise::id).startsWith(p11.id(), p8.id(), p7.id())
                .hasSize(5).containsOnly(p11.id(), p8.id(), p7.id(), p3.id(), p4.id());
        assertThat(broken.get(0).lateness()).contains(Duration.ofHours(24));
        assertThat(broken.get(0).awaitingWord()).isTrue();
        assertThat(broken.get(0).conversationNumber()).isEqualTo(number(c));
        assertThat(broken.get(1).firstDueAt()).isEqualTo(Instant.parse("2026-03-11T09:00:00Z"));
        assertThat(broken.get(1).state()).isEqualTo(PromiseState.KEPT);
        assertThat(broken.get(1).reason()).isEqualTo("The work was not done by the deadline");
        assertThat(broken.get(1).lateness()).as("done before the date agreed last").isEmpty();
        assertThat(broken.get(2).reason()).isEqualTo("The customer was not told by the contact deadline");
        assertThat(broken.get(2).lateness()).isEmpty();
        PromiseReport.BrokenPromise resolved = broken.stream().filter(p -> p.id().equals(p4.id())).findFirst()
                .orElseThrow();
        assertThat(resolved.resolution()).isEqualTo("Sent it with an apology and a voucher");
        assertThat(resolved.reason()).as("the break, not what happened next")
                .isEqualTo("The work was not done by the deadline");
        assertThat(resolved.lateness()).contains(Duration.ofHours(3));
        assertThat(resolved.awaitingWord()).isFalse();
        assertThat(resolved.conversationNumber()).isEqualTo(number(b));

        PromiseReport.Figures marias = report.figures(twoWeeks, new PromiseReport.OneAgent(maria));
        assertThat(marias.overall()).isEqualTo(new PromiseTally(2, 2, 1, 0, 2, 0, 0));
        assertThat(marias.byAgent()).containsOnlyKeys(maria);
        assertThat(marias.byTeam()).isEmpty();
        assertThat(marias.broken()).extracting(PromiseReport.BrokenPromise::id).containsExactlyInAnyOrder(p7.id(),
                p3.id());
        assertThat(marias.perConversation()).isEqualTo(new PromiseReport.PerConversation(5, 3));

        PromiseReport.Figures supports = report.figures(twoWeeks,
                new PromiseReport.OneTeam(support.id().value(), Set.of(tom)));
        assertThat(supports.overall()).isEqualTo(new PromiseTally(1, 3, 0, 0, 1, 2, late));
        PromiseReport.Figures billings = report.figures(twoWeeks,
                new PromiseReport.OneTeam(billing.id().value(), Set.of()));
        assertThat(billings.overall()).isEqualTo(new PromiseTally(1, 0, 0, 1, 0, 0, 0));
        assertThat(billings.overall().keptRate().getAsDouble()).isEqualTo(1.0);

        ReportPeriod firstDayOnly = new ReportPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), BERLIN);
        assertThat(report.figures(firstDayOnly, new PromiseReport.OneAgent(maria)).overall())
                .as("p1 at 00:30 in Berlin, not p0 at 23:30 the day before").isEqualTo(new PromiseTally(1, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aPeriodWithoutPromisesHasNoRateRatherThanZero() {
        ReportPeriod quiet = new ReportPeriod(LocalDate.of(2019, 2, 6), LocalDate.of(2019, 2, 19), BERLIN);

        PromiseReport.Figures figures = report.figures(quiet, new PromiseReport.Everyone());

        assertThat(figures.overall()).isEqualTo(PromiseTally.NONE);
        assertThat(figures.overall().keptRate()).isEmpty();
        assertThat(figures.overall().averageLateness()).isEmpty();
        assertThat(figures.perConversation().average()).isEmpty();
        assertThat(figures.byAgent()).isEmpty();
        assertThat(figures.broken()).isEmpty();
        assertThat(figures.weeks()).extracting(PromiseReport.Week::from)
                .as("from a Wednesday: the first week is short, then Mondays")
                .containsExactly(LocalDate.of(2019, 2, 6), LocalDate.of(2019, 2, 11), LocalDate.of(2019, 2, 18));
        assertThat(figures.weeks()).extracting(PromiseReport.Week::to)
                .containsExactly(LocalDate.of(2019, 2, 10), LocalDate.of(2019, 2, 17), LocalDate.of(2019, 2, 19));
    }

    @Test
    void aPeriodEndsNoEarlierThanItStartsAndSpansTwoYearsAtMost() {
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1), BERLIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1), BERLIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two years");
        assertThat(ReportPeriod.lastWeeks(8, LocalDate.of(2026, 3, 4), BERLIN))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 3, 4), BERLIN));
    }

    private Promise make(UUID conversation, UUID owner, Team team, UUID contactBy, String due) {
        Instant dueAt = Instant.parse(due);
        return ledger.make(new Promise.Terms(conversation, null, "Promise due " + due, owner,
                team == null ? null : team.id().value(), contactBy, dueAt, dueAt.plus(Duration.ofHours(1))), "Test");
    }

    private void doneAndTold(Promise promise) {
        ledger.markDone(promise.id(), "Test");
        clock.advance(Duration.ofMinutes(30));
        ledger.markContacted(promise.id(), "on the phone", "Test");
    }

    private void at(String instant) {
        clock.freezeAt(Instant.parse(instant));
    }

    private UUID agent(String name, Set<Team.TeamId> teams) {
        Agent agent = roster.invite(name, EmailAddress.of(name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com"),
                Role.AGENT, teams).agent();
        return agent.id().value();
    }

    private UUID conversation(String subject) {
        return desk.start(new NewConversation(subject, new Requester("Paul",
                EmailAddress.of("paul-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM, subject + "?", null))
                .id().value();
    }

    private long number(UUID conversation) {
        return desk.find(new Conversation.ConversationId(conversation)).orElseThrow().number();
    }
}
