package dev.rapport.promises;

import dev.rapport.conversations.ReplyPosted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ledger of promises: makes them, records the work done and the customer told (a reply on the conversation
 * counts), renegotiations, cancellations and what happened after a break, and breaks promises whose deadlines pass.
 * Each change is saved with the promise's version, so two Rapport instances checking the same deadline break it once.
 */
@Service
public class PromiseLedger {

    private final Promises promises;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PromiseLedger(Promises promises, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                  Clock clock) {
        this.promises = promises;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Transactional
    public Promise make(Promise.Terms terms, String madeBy) {
        Promise promise = promises.save(Promise.make(terms, madeBy, clock.instant()));
        events.publishEvent(new PromiseMade(promise.id(), terms.conversation(), terms.owner(), promise.dueAt()));
        return promise;
    }

    @Transactional
    public Promise markDone(UUID id, String by) {
        Promise promise = require(id);
        promise.markDone(by, clock.instant());
        return saveAndAnnounce(promise);
    }

    @Transactional
    public Promise renegotiate(UUID id, Instant newDueAt, Instant newContactAt, String message, String by) {
        Promise promise = require(id);
        promise.renegotiate(newDueAt, newContactAt, message, by, clock.instant());
        Promise saved = promises.save(promise);
        events.publishEvent(new PromiseRenegotiated(id, saved.conversation().orElse(null), newDueAt));
        return saved;
    }

    @Transactional
    public Promise cancel(UUID id, String reason, String by) {
        Promise promise = require(id);
        promise.cancel(reason, by, clock.instant());
        return promises.save(promise);
    }

    @Transactional
    public Promise resolve(UUID id, String whatHappened, String by) {
        Promise promise = require(id);
        promise.resolve(whatHappened, by, clock.instant());
        return promises.save(promise);
    }

    @Transactional(readOnly = true)
    public List<Promise> onConversation(UUID conversation) {
        return promises.findByConversationOrderByDueAt(conversation);
    }

    @Transactional(readOnly = true)
    public Promise require(UUID id) {
        return promises.findById(id).orElseThrow(() -> new IllegalArgumentException("No such promise."));
    }

    /** A reply to the customer tells them about every promise on that conversation whose work is done. */
    @ApplicationModuleListener
    void on(ReplyPosted reply) {
        Instant at = clock.instant();
        for (Promise promise : promises.findByConversationOrderByDueAt(reply.conversation().value())) {
            if (promise.state().pending()) {
                promise.customerContacted("reply #" + reply.number(), at);
                saveAndAnnounce(promise);
            }
        }
    }

    /**
     * Breaks the promises whose deadlines have passed, each in a transaction of its own. Safe to run on several
     * instances at once and again after a restart: a promise breaks once.
     *
     * @return how many broke in this call
     */
    public int breakOverdue() {
        Instant now = clock.instant();
        int broken = 0;
        for (UUID id : promises.overdue(now, 500)) {
            try {
                Boolean broke = transactions.execute(status -> {
                    Promise promise = require(id);
                    if (!promise.checkDeadlines(now)) {
                        return false;
                    }
                    promises.save(promise);
                    events.publishEvent(new PromiseBroken(id, promise.conversation().orElse(null),
                            promise.owner().orElse(null), promise.history().getLast().note()));
                    return true;
                });
                broken += Boolean.TRUE.equals(broke) ? 1 : 0;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // another instance (or an agent) changed it at the same moment; the next run looks again
            }
        }
        return broken;
    }

    private Promise saveAndAnnounce(Promise promise) {
        Promise saved = promises.save(promise);
        if (saved.state() == PromiseState.KEPT && saved.history().getLast().state() == PromiseState.KEPT) {
            events.publishEvent(new PromiseKept(saved.id(), saved.conversation().orElse(null),
                    saved.owner().orElse(null)));
        }
        return saved;
    }
}
