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

    private Promise.Terms terms(Duration until) {
        Instant due = clock.instant().plus(until);
        return new Promise.Terms(conversation.id().value(), null, "Send the replacement engine",
                maria.id().value(), null, due, due.plus(Duration.ofHours(1)));
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
