package dev.rapport.support;

import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Plays a history of promises through the real ledger with the clock moved by hand: made, done, told, broken by the
 * deadline check. In the shared web test application the scheduled deadline check runs too, on the same frozen
 * clock, so it breaks what the script would; a change that races it is tried again.
 */
public final class PromiseScript {

    private final PromiseLedger ledger;
    private final Desk desk;
    private final ControllableClock clock;

    public PromiseScript(PromiseLedger ledger, Desk desk, ControllableClock clock) {
        this.ledger = ledger;
        this.desk = desk;
        this.clock = clock;
    }

    public void at(Instant instant) {
        clock.freezeAt(instant);
    }

    public Conversation conversation(String subject, String customer) {
        return desk.start(new NewConversation(subject, new Requester(customer,
                EmailAddress.of("customer-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM, subject + "?",
                null));
    }

    /** A promise owned by an agent (who also tells the customer) or a team, told an hour after its deadline. */
    public Promise make(Conversation conversation, String what, UUID owner, UUID team, UUID contactBy, Instant due) {
        return ledger.make(new Promise.Terms(conversation.id().value(), null, what, owner, team, contactBy, due,
                due.plus(Duration.ofHours(1))), "Test");
    }

    public void done(Promise promise) {
        retrying(() -> ledger.markDone(promise.id(), "Test"));
    }

    public void told(Promise promise) {
        retrying(() -> ledger.markContacted(promise.id(), "on the phone", "Test"));
    }

    public void doneAndTold(Promise promise) {
        done(promise);
        told(promise);
    }

    public void resolve(Promise promise, String whatHappened) {
        retrying(() -> ledger.resolve(promise.id(), whatHappened, "Test"));
    }

    public void cancel(Promise promise, String why) {
        retrying(() -> ledger.cancel(promise.id(), why, "Test"));
    }

    public void checkDeadlines() {
        ledger.breakOverdue();
    }

    private static void retrying(Supplier<?> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                change.get();
                return;
            } catch (OptimisticLockingFailureException racedTheScheduledCheck) {
                if (attempt == 3) {
                    throw racedTheScheduledCheck;
                }
            }
        }
    }
}
