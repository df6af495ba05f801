package dev.rapport.owed;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseState;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger with a real database, real conversations, customers and promises, the clock driven by hand. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class OwedModuleTests {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired OwedLedger ledger;
    @Autowired PromiseLedger promises;
    @Autowired OwedSearch search;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;

    private Team accounting;
    private SignedInAgent maria;
    private SignedInAgent priya;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        clock.freezeAt(MONDAY_MORNING);
        accounting = roster.createTeam("Accounting " + UUID.randomUUID(), "");
        maria = agent("Maria", Role.AGENT, Set.of());
        priya = agent("Priya", Role.TEAMMATE, Set.of(accounting.id()));
        conversation = desk.start(new NewConversation("Damaged order", new Requester("Alex Moreau",
                EmailAddress.of("alex-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM,
                "Half the order arrived broken.", null));
        conversation = desk.assign(conversation.id(), maria, maria.id(), null);
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void recordsMoneyOwedWithAnAuditEntryAndAnEvent(AssertablePublishedEvents events) {
        MoneyOwed entry = ledger.record(credit(Duration.ofDays(7)), maria);

        assertThat(entry.customer()).isEqualTo(conversation.customerId().orElseThrow());
        assertThat(entry.owedSince()).isEqualTo(MONDAY_MORNING);
        assertThat(events).contains(MoneyOwedRecorded.class).matching(MoneyOwedRecorded::entry, entry.id());
        assertThat(ledger.history(entry.id())).singleElement().satisfies(line -> {
            assertThat(line.action()).isEqualTo("RECORDED");
            assertThat(line.by()).isEqualTo("Maria");
            assertThat(line.detail()).contains("$700.00 credit");
        });
        assertThat(ledger.onConversation(conversation.id().value())).containsExactly(entry);
    }

    @Test
    void payingMakesThePromiseThatTheRelationshipAgentTellsTheCustomer(AssertablePublishedEvents events) {
        MoneyOwed entry = ledger.record(credit(Duration.ofDays(7)), maria);
        clock.advance(Duration.ofDays(2));

        MoneyOwed paid = ledger.pay(entry.id(), "BT-2026-0042", priya);

        assertThat(paid.state()).isEqualTo(OwedState.PAID);
        assertThat(paid.paymentReference()).hasValue("BT-2026-0042");
        Promise tell = promises.require(paid.tellPromise().orElseThrow());
        assertThat(tell.what()).isEqualTo("Tell Alex their $700.00 credit was paid (BT-2026-0042)");
        assertThat(tell.owner()).hasValue(maria.id().value());
        assertThat(tell.state()).as("the payment is the work; telling the customer is left")
                .isEqualTo(PromiseState.DONE);
        assertThat(tell.contactAt()).as("by the end of the next business day (Europe/Berlin, 9 to 5)")
                .isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofDays(2)));
        assertThat(events).contains(MoneyOwedPaid.class).matching(MoneyOwedPaid::tellAgent, maria.id().value());
        assertThat(ledger.history(entry.id())).extracting(OwedLedger.AuditLine::action)
                .containsExactly("RECORDED", "PAID");
    }

    @Test
    void aCancelledEntryCannotBePaid(AssertablePublishedEvents events) {
        MoneyOwed entry = ledger.record(credit(Duration.ofDays(7)), maria);
        ledger.cancel(entry.id(), "Alex chose a replacement", maria);

        assertThatThrownBy(() -> ledger.pay(entry.id(), "BT-1", priya))
                .isInstanceOf(OwedLedger.OwedConflict.class)
                .hasMessage("Cannot mark it paid: it is already cancelled.");
        assertThat(events).contains(MoneyOwedCancelled.class).matching(MoneyOwedCancelled::entry, entry.id());
        assertThat(ledger.history(entry.id())).extracting(OwedLedger.AuditLine::action)
                .containsExactly("RECORDED", "CANCELLED");
    }

    @Test
    void twoPaymentsAtOnceLetExactlyOneWin() throws Exception {
        MoneyOwed entry = ledger.record(credit(Duration.ofDays(7)), maria);
        SignedInAgent lead = agent("Lena", Role.LEAD, Set.of(accounting.id()));
        CyclicBarrier together = new CyclicBarrier(2);
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<?>> payments = new ArrayList<>();
            for (SignedInAgent payer : List.of(priya, lead)) {
                payments.add(threads.submit(() -> {
                    together.await();
                    try {
                        outcomes.add(ledger.pay(entry.id(), "BT-" + payer.name(), payer));
                    } catch (OwedLedger.OwedConflict conflict) {
                        outcomes.add(conflict);
                    }
                    return null;
                }));
            }
            for (Future<?> payment : payments) {
                payment.get();
            }
        }
        assertThat(outcomes).filteredOn(MoneyOwed.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(OwedLedger.OwedConflict.class::isInstance).hasSize(1);
        assertThat(ledger.history(entry.id())).extracting(OwedLedger.AuditLine::action)
                .containsExactly("RECORDED", "PAID");
        assertThat(promises.onConversation(conversation.id().value())).as("one promise to tell Alex").hasSize(1);
    }

    @Test
    void anOverdueEntryRemindsOnceADayUntilPaid(AssertablePublishedEvents events) {
        MoneyOwed entry = ledger.record(credit(Duration.ofDays(7)), maria);
        clock.advance(Duration.ofDays(6));
        assertThat(remindersFor(entry)).as("not due yet").isZero();

        clock.advance(Duration.ofDays(1).plusHours(1));
        assertThat(remindersFor(entry)).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        assertThat(remindersFor(entry)).as("once that day, however often it is checked").isZero();
        assertThat(events).contains(MoneyOwedOverdue.class).matching(MoneyOwedOverdue::entry, entry.id());

        clock.advance(Duration.ofDays(1));
        assertThat(remindersFor(entry)).as("the next day").isEqualTo(1);
        ledger.pay(entry.id(), "BT-9", priya);
        clock.advance(Duration.ofDays(1));
        assertThat(remindersFor(entry)).as("paid").isZero();
    }

    @Test
    void teammatesSeeAndPayOnlyWhatIsRoutedToThemAndRecordNothing() {
        MoneyOwed theirs = ledger.record(credit(Duration.ofDays(7)), maria);
        MoneyOwed someoneElses = ledger.record(new MoneyOwed.Terms(null, conversation.id().value(),
                Money.of("20", "USD"), OwedKind.GOODWILL, "Sorry for the wait", maria.id().value(), null,
                clock.instant().plus(Duration.ofDays(3)), null, null), maria);
        SignedInAgent sam = agent("Sam", Role.TEAMMATE, Set.of());

        assertThat(ledger.canSee(theirs, priya)).isTrue();
        assertThat(ledger.canSee(someoneElses, priya)).isFalse();
        assertThat(ledger.owedBy(priya)).contains(theirs).doesNotContain(someoneElses);
        assertThatThrownBy(() -> ledger.pay(someoneElses.id(), "BT-1", priya))
                .isInstanceOf(OwedLedger.NoSuchEntry.class);
        assertThatThrownBy(() -> ledger.pay(theirs.id(), "BT-1", sam)).isInstanceOf(OwedLedger.NoSuchEntry.class);
        assertThatThrownBy(() -> ledger.record(credit(Duration.ofDays(7)), priya))
                .isInstanceOf(OwedLedger.NotYours.class);
        SignedInAgent jonas = agent("Jonas", Role.AGENT, Set.of());
        assertThatThrownBy(() -> ledger.pay(theirs.id(), "BT-1", jonas)).as("an agent not responsible")
                .isInstanceOf(OwedLedger.NotYours.class);
    }

    @Test
    void theSeamForApprovalsRecordsInTheNameOfWhatApproved() {
        MoneyOwed entry = ledger.record(credit(Duration.ofDays(7)), "Approvals");
        assertThat(entry.recordedBy()).isEqualTo("Approvals");
        assertThat(ledger.history(entry.id())).singleElement()
                .satisfies(line -> assertThat(line.by()).isEqualTo("Approvals"));
    }

    @Test
    void refusesAnUnknownResponsibleOrConversation() {
        assertThatThrownBy(() -> ledger.record(new MoneyOwed.Terms(null, conversation.id().value(),
                Money.of("1", "USD"), OwedKind.REFUND, "x", UUID.randomUUID(), null,
                clock.instant().plusSeconds(60), null, null), maria))
                .isInstanceOf(OwedRejected.class).extracting("field").isEqualTo("responsible");
        assertThatThrownBy(() -> ledger.record(new MoneyOwed.Terms(null, UUID.randomUUID(), Money.of("1", "USD"),
                OwedKind.REFUND, "x", null, accounting.id().value(), clock.instant().plusSeconds(60), null, null),
                maria)).isInstanceOf(OwedRejected.class).extracting("field").isEqualTo("conversationId");
    }

    @Test
    void agingMovesWhatIsStillOwedIntoOlderBracketsAsTimePassesAndNeverAddsCurrencies() {
        Team finance = roster.createTeam("Finance " + UUID.randomUUID(), "");
        SignedInAgent lead = agent("Lena", Role.LEAD, Set.of(finance.id()));
        MoneyOwed today = owedSince(finance, "700.00", "USD", Duration.ZERO);
        owedSince(finance, "120.00", "USD", Duration.ofDays(10));
        owedSince(finance, "35.50", "EUR", Duration.ofDays(40));
        owedSince(finance, "15.00", "USD", Duration.ofDays(7).plusHours(23));

        assertThat(aged(finance, lead)).containsOnly(
                java.util.Map.entry("USD " + OwedSearch.Age.UP_TO_7, 71_500L),
                java.util.Map.entry("USD " + OwedSearch.Age.UP_TO_30, 12_000L),
                java.util.Map.entry("EUR " + OwedSearch.Age.UP_TO_90, 3_550L));

        clock.advance(Duration.ofDays(60));
        ledger.pay(today.id(), "BT-7", lead);
        assertThat(aged(finance, lead)).as("paid entries leave the report").containsOnly(
                java.util.Map.entry("USD " + OwedSearch.Age.UP_TO_90, 13_500L),
                java.util.Map.entry("EUR " + OwedSearch.Age.OVER_90, 3_550L));
    }

    @Test
    void agesAreWholeDaysOwed() {
        Instant now = clock.instant();
        assertThat(OwedSearch.Age.of(now.minus(Duration.ofDays(7).plusHours(23)), now))
                .isEqualTo(OwedSearch.Age.UP_TO_7);
        assertThat(OwedSearch.Age.of(now.minus(Duration.ofDays(8)), now)).isEqualTo(OwedSearch.Age.UP_TO_30);
        assertThat(OwedSearch.Age.of(now.minus(Duration.ofDays(30)), now)).isEqualTo(OwedSearch.Age.UP_TO_30);
        assertThat(OwedSearch.Age.of(now.minus(Duration.ofDays(31)), now)).isEqualTo(OwedSearch.Age.UP_TO_90);
        assertThat(OwedSearch.Age.of(now.minus(Duration.ofDays(90)), now)).isEqualTo(OwedSearch.Age.UP_TO_90);
        assertThat(OwedSearch.Age.of(now.minus(Duration.ofDays(91)), now)).isEqualTo(OwedSearch.Age.OVER_90);
    }

    private java.util.Map<String, Long> aged(Team team, SignedInAgent viewer) {
        return search.aging(viewer).stream().filter(sum -> team.id().value().equals(sum.responsibleTeam()))
                .collect(java.util.stream.Collectors.toMap(sum -> sum.currency() + " " + sum.age(),
                        OwedSearch.AgedSum::minorUnits, Long::sum));
    }

    private MoneyOwed owedSince(Team team, String amount, String currency, Duration ago) {
        Instant since = clock.instant().minus(ago);
        return ledger.record(new MoneyOwed.Terms(null, conversation.id().value(), Money.of(amount, currency),
                OwedKind.REFUND, "Returned goods", null, team.id().value(), since.plus(Duration.ofDays(14)), since,
                null), "Approvals");
    }

    private int remindersFor(MoneyOwed entry) {
        ledger.remindOverdue();
        return remindedNow(entry);
    }

    private final java.util.Map<UUID, java.time.LocalDate> lastSeen = new java.util.HashMap<>();

    /** 1 when the check just reminded of the entry (its reminder day moved), 0 otherwise. */
    private int remindedNow(MoneyOwed entry) {
        java.time.LocalDate day = ledger.require(entry.id()).remindedOn().orElse(null);
        java.time.LocalDate before = lastSeen.put(entry.id(), day);
        return day != null && !day.equals(before) ? 1 : 0;
    }

    private MoneyOwed.Terms credit(Duration due) {
        return new MoneyOwed.Terms(null, conversation.id().value(), Money.of("700.00", "USD"), OwedKind.CREDIT,
                "Half the order arrived broken: our packing", null, accounting.id().value(),
                clock.instant().plus(due), null, "ORD-1042");
    }

    private SignedInAgent agent(String name, Role role, Set<Team.TeamId> teams) {
        var invited = roster.invite(name, EmailAddress.of(name.toLowerCase() + "-" + UUID.randomUUID()
                + "@example.com"), role, teams);
        return SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }
}
