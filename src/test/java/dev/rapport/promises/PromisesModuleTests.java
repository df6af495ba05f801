package dev.rapport.promises;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.conversations.Status;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger with a real database and real conversations, the clock driven by hand. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"conversations", "agents", "business"})
class PromisesModuleTests {

    @Autowired PromiseLedger ledger;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;

    private SignedInAgent maria;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        clock.freezeAt(Instant.parse("2026-11-23T09:00:00Z"));
        var invited = roster.invite("Maria", EmailAddress.of("maria-" + UUID.randomUUID() + "@example.com"),
                Role.AGENT, Set.of());
        maria = SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
        conversation = desk.start(new NewConversation("Engine missing", new Requester("Paul",
                EmailAddress.of("paul-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM,
                "The train set came without its engine.", null));
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void aPromiseDoneAndThenToldInAReplyIsKept(AssertablePublishedEvents events) throws InterruptedException {
        Promise promise = ledger.make(terms(Duration.ofDays(2)), "Maria");
        assertThat(events).contains(PromiseMade.class).matching(PromiseMade::promise, promise.id());

        clock.advance(Duration.ofHours(3));
        ledger.markDone(promise.id(), "Maria");
        clock.advance(Duration.ofMinutes(5));
        desk.reply(conversation.id(), maria, "Paul, the engine left today by express post.", Status.WAITING_ON_CUSTOMER,
                null);

        Promise kept = await(promise.id(), PromiseState.KEPT);
        assertThat(kept.state()).isEqualTo(PromiseState.KEPT);
        assertThat(kept.history()).extracting(PromiseChange::state)
                .containsExactly(PromiseState.OPEN, PromiseState.DONE, PromiseState.KEPT);
    }

    @Test
    void aPassedDeadlineBreaksThePromiseOnceHoweverOftenItIsChecked(AssertablePublishedEvents events) {
        Promise promise = ledger.make(terms(Duration.ofHours(4)), "Maria");

        clock.advance(Duration.ofHours(3));
        assertThat(ledger.breakOverdue()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(ledger.breakOverdue()).isEqualTo(1);
        assertThat(ledger.breakOverdue()).isZero();

        Promise broken = ledger.require(promise.id());
        assertThat(broken.state()).isEqualTo(PromiseState.BROKEN);
        assertThat(broken.needsFollowUp()).isTrue();
        assertThat(events.ofType(PromiseBroken.class).matching(broke -> broke.promise().equals(promise.id()))).hasSize(1);
        assertThat(ledger.onConversation(conversation.id().value())).extracting(Promise::id).contains(promise.id());
    }

    @Test
    void theOwnerIsRemindedAtEachLeadTimeOnceThenTheContactForTellingTheCustomer(AssertablePublishedEvents events) {
        Promise promise = ledger.make(terms(Duration.ofDays(2)), "Maria");
        java.util.function.Supplier<List<PromiseDueSoon>> reminders = () -> java.util.stream.StreamSupport.stream(
                events.ofType(PromiseDueSoon.class).matching(due -> due.promise().equals(promise.id())).spliterator(),
                false).toList();

        clock.advance(Duration.ofHours(23));
        ledger.sendReminders();
        assertThat(reminders.get()).isEmpty();
        clock.advance(Duration.ofHours(2));
        ledger.sendReminders();
        ledger.sendReminders();
        assertThat(reminders.get()).as("the day-before reminder, once").hasSize(1);
        clock.advance(Duration.ofHours(22).plusMinutes(30));
        ledger.sendReminders();
        assertThat(reminders.get()).hasSize(2).allSatisfy(due -> {
            assertThat(due.aboutWork()).isTrue();
            assertThat(due.agent()).isEqualTo(maria.id().value());
        });

        ledger.markDone(promise.id(), "Maria");
        clock.advance(Duration.ofMinutes(10));
        ledger.sendReminders();
        assertThat(reminders.get()).as("the contact deadline is 1 h 20 min away: its 1 h reminder waits").hasSize(2);
        clock.advance(Duration.ofMinutes(25));
        ledger.sendReminders();
        assertThat(reminders.get()).hasSize(3).last().satisfies(due -> assertThat(due.aboutWork()).isFalse());
    }

    @Test
    void badTermsAreRejectedNamingTheField() {
        Instant due = clock.instant().plus(Duration.ofDays(1));
        UUID nobody = UUID.randomUUID();
        assertThat(rejectedField(new Promise.Terms(conversation.id().value(), null, "Refund", null, null, null, due,
                null))).isEqualTo("owner");
        assertThat(rejectedField(new Promise.Terms(conversation.id().value(), null, "Refund", nobody, null, null, due,
                null))).isEqualTo("owner");
        assertThat(rejectedField(new Promise.Terms(conversation.id().value(), null, "Refund", null, nobody, null, due,
                null))).isEqualTo("owner");
        assertThat(rejectedField(new Promise.Terms(conversation.id().value(), null, " ", maria.id().value(), null, null,
                due, null))).isEqualTo("what");
        assertThat(rejectedField(new Promise.Terms(conversation.id().value(), null, "Refund", maria.id().value(), null,
                null, clock.instant().minusSeconds(60), null))).isEqualTo("dueAt");
        assertThat(rejectedField(new Promise.Terms(UUID.randomUUID(), null, "Refund", maria.id().value(), null, null,
                due, null))).isEqualTo("conversationId");

        var accountant = roster.invite("Ines", EmailAddress.of("ines-" + UUID.randomUUID() + "@example.com"),
                Role.TEAMMATE, Set.of());
        assertThat(rejectedField(new Promise.Terms(conversation.id().value(), null, "Refund",
                accountant.agent().id().value(), null, null, due, null)))
                .as("a teammate may do the work but does not write to customers").isEqualTo("contactBy");
        Promise theirsToDo = ledger.make(new Promise.Terms(conversation.id().value(), null, "Refund",
                accountant.agent().id().value(), null, maria.id().value(), due, null), maria);
        assertThat(theirsToDo.customer()).isEqualTo(conversation.customerId());
    }

    private String rejectedField(Promise.Terms terms) {
        try {
            ledger.make(terms, maria);
        } catch (PromiseRejected rejected) {
            return rejected.field();
        }
        throw new AssertionError("not rejected: " + terms);
    }

    private Promise.Terms terms(Duration until) {
        Instant due = clock.instant().plus(until);
        return new Promise.Terms(conversation.id().value(), null, "Send the replacement engine",
                maria.id().value(), null, null, due, due.plus(Duration.ofHours(1)));
    }

    private Promise await(UUID id, PromiseState state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        Promise promise = ledger.require(id);
        while (promise.state() != state && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            promise = ledger.require(id);
        }
        return promise;
    }
}
