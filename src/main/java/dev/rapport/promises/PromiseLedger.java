package dev.rapport.promises;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The ledger of promises: makes them, records the work done and the customer told (a reply on the conversation
 * counts), renegotiations, cancellations and what happened after a break, and breaks promises whose deadlines pass.
 * Each change is saved with the promise's version, so two Rapport instances checking the same deadline break it once.
 * Other modules make promises through {@link #make(Promise.Terms, String)} (a call-back for a missed call, an
 * approval, money owed).
 */
@Service
public class PromiseLedger {

    private final Promises promises;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separately;
    private final Clock clock;
    private final Desk desk;
    private final Roster roster;
    private final PromiseSettings settings;

    PromiseLedger(Promises promises, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                  Clock clock, Desk desk, Roster roster, PromiseSettings settings) {
        this.promises = promises;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.desk = desk;
        this.roster = roster;
        this.settings = settings;
    }

    /**
     * An agent makes a promise on a conversation they can see.
     *
     * @throws PromiseRejected naming the field at fault
     */
    @Transactional
    public Promise make(Promise.Terms terms, SignedInAgent by) {
        if (terms.conversation() == null) {
            throw new PromiseRejected("conversationId", "Say which conversation the promise belongs to.");
        }
        Conversation conversation = desk.find(new Conversation.ConversationId(terms.conversation()))
                .orElseThrow(() -> new PromiseRejected("conversationId", "There is no such conversation."));
        if (!desk.canSee(conversation, by)) {
            throw new NotYours("You cannot make promises on a conversation that is not yours to see.");
        }
        return make(terms, by.name());
    }

    /**
     * Makes a promise on behalf of someone or something ({@code madeBy} is a name: an agent's, "Phone", "Approvals").
     * The customer is taken from the conversation when not given.
     *
     * @throws PromiseRejected naming the field at fault
     */
    @Transactional
    public Promise make(Promise.Terms terms, String madeBy) {
        Promise.Terms checked = check(terms);
        Promise promise;
        try {
            promise = Promise.make(checked, madeBy, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new PromiseRejected(e.getMessage().startsWith("Say what") ? "what"
                    : e.getMessage().contains("contact") ? "contactAt" : "dueAt", e.getMessage());
        }
        promise.planReminders(settings.reminderLeadTimes(), clock.instant());
        promise = promises.save(promise);
        events.publishEvent(new PromiseMade(promise.id(), checked.conversation(), checked.owner(), promise.dueAt()));
        return promise;
    }

    private Promise.Terms check(Promise.Terms terms) {
        if (terms.owner() == null && terms.ownerTeam() == null) {
            throw new PromiseRejected("owner", "Say who will do it: an agent or a team.");
        }
        if (terms.owner() != null) {
            requireActiveAgent(terms.owner(), "owner", "who will do it");
        }
        if (terms.ownerTeam() != null && roster.findTeam(new Team.TeamId(terms.ownerTeam())).isEmpty()) {
            throw new PromiseRejected("owner", "There is no such team.");
        }
        UUID contactBy = terms.contactBy() != null ? terms.contactBy() : terms.owner();
        if (contactBy != null) {
            Agent contact = requireActiveAgent(contactBy, "contactBy", "who will tell the customer");
            if (contact.role() == Role.TEAMMATE) {
                throw new PromiseRejected("contactBy", contact.name() + " works in another department and does not"
                        + " write to customers; choose who will tell the customer.");
            }
        }
        UUID customer = terms.customer();
        if (terms.conversation() != null) {
            Conversation conversation = desk.find(new Conversation.ConversationId(terms.conversation()))
                    .orElseThrow(() -> new PromiseRejected("conversationId", "There is no such conversation."));
            customer = customer != null ? customer : conversation.customerId().orElse(null);
        }
        return new Promise.Terms(terms.conversation(), customer, terms.what(), terms.owner(), terms.ownerTeam(),
                contactBy, terms.dueAt(), terms.contactAt());
    }

    private Agent requireActiveAgent(UUID id, String field, String role) {
        return roster.findAgent(new Agent.AgentId(id)).filter(Agent::isActive)
                .orElseThrow(() -> new PromiseRejected(field, "There is no active agent like that to be " + role
                        + "."));
    }

    /**
     * Telling the customer (by hand, or a new date) is for those who write to customers; a teammate from another
     * department does the work and marks it done.
     */
    public void requireMayTellCustomers(SignedInAgent agent) {
        if (agent.role() == Role.TEAMMATE) {
            throw new NotYours("Teammates from other departments do not talk to customers; ask an agent to tell them.");
        }
    }

    @Transactional
    public Promise markDone(UUID id, String by) {
        return change(id, promise -> promise.markDone(by, clock.instant()));
    }

    /** Someone told the customer by hand (on the phone, at the counter), with a note of how. */
    @Transactional
    public Promise markContacted(UUID id, String how, String by) {
        if (how == null || how.isBlank()) {
            throw new PromiseRejected("note", "Say how the customer was told.");
        }
        return change(id, promise -> promise.customerContacted(by + ": " + how.strip(), clock.instant()));
    }

    @Transactional
    public Promise renegotiate(UUID id, Instant newDueAt, Instant newContactAt, String message, String by) {
        Promise promise = require(id);
        try {
            promise.renegotiate(newDueAt, newContactAt, message, by, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new PromiseRejected(e.getMessage().contains("contact") ? "contactAt" : "dueAt", e.getMessage());
        }
        promise.planReminders(settings.reminderLeadTimes(), clock.instant());
        Promise saved = promises.save(promise);
        events.publishEvent(new PromiseRenegotiated(id, saved.conversation().orElse(null), newDueAt));
        return saved;
    }

    @Transactional
    public Promise cancel(UUID id, String reason, String by) {
        return change(id, promise -> rejectedAs("reason", () -> promise.cancel(reason, by, clock.instant())));
    }

    @Transactional
    public Promise resolve(UUID id, String whatHappened, String by) {
        return change(id, promise -> rejectedAs("note", () -> promise.resolve(whatHappened, by, clock.instant())));
    }

    /** Runs a change, naming {@code field} when the promise refuses the input. */
    private static void rejectedAs(String field, Runnable change) {
        try {
            change.run();
        } catch (PromiseRejected rejected) {
            throw rejected;
        } catch (IllegalArgumentException e) {
            throw new PromiseRejected(field, e.getMessage());
        }
    }

    @Transactional(readOnly = true)
    public List<Promise> onConversation(UUID conversation) {
        return promises.findByConversationOrderByDueAt(conversation);
    }

    /** The conversation's promises still waiting for something: work, the customer told, or a word after a break. */
    @Transactional(readOnly = true)
    public List<Promise> openOn(UUID conversation) {
        return onConversation(conversation).stream()
                .filter(promise -> promise.state().pending() || promise.needsFollowUp()).toList();
    }

    @Transactional(readOnly = true)
    public List<Promise> forCustomer(UUID customer) {
        return promises.findByCustomerOrderByDueAtDesc(customer);
    }

    /** What an agent has to act on: promises they do or tell the customer about, and their teams' unnamed ones. */
    @Transactional(readOnly = true)
    public List<Promise> waitingOn(SignedInAgent agent) {
        java.util.Set<UUID> ids = new java.util.LinkedHashSet<>(promises.waitingOn(agent.id().value()));
        List<UUID> teams = roster.findAgent(agent.id()).map(a -> a.teams().stream().map(Team.TeamId::value).toList())
                .orElse(List.of());
        if (!teams.isEmpty()) {
            ids.addAll(promises.waitingOnTeams(teams));
        }
        return sorted(ids);
    }

    /**
     * Broken promises nobody has followed up that a lead watches: their teams' and their team members'; an admin
     * sees all. Empty for other roles.
     */
    @Transactional(readOnly = true)
    public List<Promise> brokenWatchedBy(SignedInAgent lead) {
        if (lead.role() == Role.ADMIN) {
            return sorted(promises.allBroken());
        }
        if (lead.role() != Role.LEAD) {
            return List.of();
        }
        java.util.Set<Team.TeamId> teams = roster.findAgent(lead.id()).map(Agent::teams).orElse(java.util.Set.of());
        if (teams.isEmpty()) {
            return List.of();
        }
        List<UUID> members = roster.agents().stream().filter(a -> a.teams().stream().anyMatch(teams::contains))
                .map(a -> a.id().value()).toList();
        return sorted(promises.brokenOf(members, teams.stream().map(Team.TeamId::value).toList()));
    }

    private List<Promise> sorted(java.util.Collection<UUID> ids) {
        List<Promise> found = new java.util.ArrayList<>(promises.findAllById(ids));
        found.sort(java.util.Comparator.comparing(Promise::dueAt));
        return found;
    }

    @Transactional(readOnly = true)
    public Promise require(UUID id) {
        return promises.findById(id).orElseThrow(() -> new NoSuchPromise(id));
    }

    /** The promise if the agent may see it: its conversation is theirs to see, or it is theirs or their team's. */
    @Transactional(readOnly = true)
    public Promise visibleTo(UUID id, SignedInAgent agent) {
        Promise promise = require(id);
        if (!canSee(promise, agent)) {
            throw new NoSuchPromise(id);
        }
        return promise;
    }

    @Transactional(readOnly = true)
    public boolean canSee(Promise promise, SignedInAgent agent) {
        if (promise.owner().filter(agent.id().value()::equals).isPresent()
                || promise.contactBy().filter(agent.id().value()::equals).isPresent()) {
            return true;
        }
        Optional<Conversation> conversation = promise.conversation()
                .flatMap(id -> desk.find(new Conversation.ConversationId(id)));
        if (conversation.isPresent()) {
            return desk.canSee(conversation.get(), agent);
        }
        return agent.role() != Role.TEAMMATE || promise.ownerTeam().map(Team.TeamId::new)
                .filter(team -> roster.findAgent(agent.id()).map(a -> a.teams().contains(team)).orElse(false))
                .isPresent();
    }

    /** A reply to the customer tells them about every promise on that conversation whose work is done. */
    @ApplicationModuleListener
    void on(ReplyPosted reply) {
        for (Promise promise : promises.findByConversationOrderByDueAt(reply.conversation().value())) {
            if (promise.state().pending()) {
                contactedByReply(promise.id(), reply.number());
            }
        }
    }

    /**
     * Each promise in a transaction of its own, tried again when someone changed it at the same moment (marked it
     * done, a call back logged): the reply must not be lost to a race.
     */
    private void contactedByReply(UUID id, long replyNumber) {
        for (int attempt = 1; ; attempt++) {
            try {
                separately.executeWithoutResult(status ->
                        change(id, p -> p.customerContacted("reply #" + replyNumber, clock.instant())));
                return;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt == 3) {
                    throw changedMeanwhile;
                }
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
        return eachInItsOwnTransaction(promises.overdue(now, 500), promise -> {
            if (!promise.checkDeadlines(now)) {
                return false;
            }
            promises.save(promise);
            events.publishEvent(new PromiseBroken(promise.id(), promise.conversation().orElse(null),
                    promise.owner().orElse(null), promise.ownerTeam().orElse(null), promise.what(),
                    promise.history().getLast().note()));
            return true;
        });
    }

    /**
     * Reminds whoever must act next of the deadlines coming up, once per lead time, safe on several instances.
     *
     * @return how many reminders were sent
     */
    public int sendReminders() {
        Instant now = clock.instant();
        return eachInItsOwnTransaction(promises.remindersDue(now, 500), promise -> {
            Optional<Promise.Reminder> reminder = promise.remind(settings.reminderLeadTimes(), now);
            promises.save(promise);
            reminder.ifPresent(due -> {
                boolean work = due.deadline() == Promise.Deadline.WORK;
                UUID agent = work ? promise.owner().orElse(null) : promise.contactBy().orElse(null);
                events.publishEvent(new PromiseDueSoon(promise.id(), promise.conversation().orElse(null), agent,
                        promise.ownerTeam().orElse(null), promise.what(), work, due.at()));
            });
            return reminder.isPresent();
        });
    }

    private int eachInItsOwnTransaction(List<UUID> ids, Function<Promise, Boolean> work) {
        int done = 0;
        for (UUID id : ids) {
            try {
                Boolean did = transactions.execute(status -> work.apply(require(id)));
                done += Boolean.TRUE.equals(did) ? 1 : 0;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // another instance (or an agent) changed it at the same moment; the next run looks again
            }
        }
        return done;
    }

    private Promise change(UUID id, java.util.function.Consumer<Promise> action) {
        Promise promise = require(id);
        PromiseState before = promise.state();
        try {
            action.accept(promise);
        } catch (IllegalStateException e) {
            throw new PromiseRejected("state", e.getMessage());
        }
        promise.planReminders(settings.reminderLeadTimes(), clock.instant());
        Promise saved = promises.save(promise);
        if (saved.state() == PromiseState.KEPT && before != PromiseState.KEPT) {
            events.publishEvent(new PromiseKept(saved.id(), saved.conversation().orElse(null),
                    saved.owner().orElse(null)));
        }
        return saved;
    }

    /** No promise with this id, or none the asking agent may see. */
    public static class NoSuchPromise extends RuntimeException {
        public NoSuchPromise(UUID id) {
            super("No such promise: " + id);
        }
    }

    /** The agent may not do this with a promise (a conversation that is not theirs to see). */
    public static class NotYours extends RuntimeException {
        public NotYours(String message) {
            super(message);
        }
    }
}
