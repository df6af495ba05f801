package dev.rapport.owed;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger of money owed to customers: records what we owe, marks it paid or cancelled (each audited), makes the
 * promise to tell the customer when it is paid, and reminds whoever is responsible, daily, once it is overdue.
 * Other modules record entries through {@link #record(MoneyOwed.Terms, String)} (an approved approval request);
 * agents through {@link #record(MoneyOwed.Terms, SignedInAgent)}, which checks they may.
 */
@Service
public class OwedLedger {

    /** One line of an entry's audit trail. */
    public record AuditLine(String action, String by, String detail, Instant at) {
    }

    private static final java.time.format.DateTimeFormatter DUE_DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM", java.util.Locale.ENGLISH);

    private final OwedEntries entries;
    private final OwedAudit audit;
    private final RelationshipOwner relationships;
    private final PromiseLedger promises;
    private final CustomerDirectory customers;
    private final Desk desk;
    private final Roster roster;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OwedLedger(OwedEntries entries, OwedAudit audit, RelationshipOwner relationships, PromiseLedger promises,
               CustomerDirectory customers, Desk desk, Roster roster, BusinessCalendar calendar,
               ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
        this.entries = entries;
        this.audit = audit;
        this.relationships = relationships;
        this.promises = promises;
        this.customers = customers;
        this.desk = desk;
        this.roster = roster;
        this.calendar = calendar;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * An agent records money we owe. Teammates from other departments work the entries routed to them but do not
     * record new ones; nobody records one on a conversation they may not see.
     *
     * @throws OwedRejected naming the field at fault
     * @throws NotYours     for a teammate, or a conversation that is not theirs to see
     */
    @Transactional
    public MoneyOwed record(MoneyOwed.Terms terms, SignedInAgent by) {
        if (by.role() == Role.TEAMMATE) {
            throw new NotYours("Teammates from other departments work the money owed routed to them; ask an agent "
                    + "to record this.");
        }
        conversationOf(terms).filter(conversation -> !desk.canSee(conversation, by)).ifPresent(conversation -> {
            throw new NotYours("You cannot record money owed on a conversation that is not yours to see.");
        });
        return record(terms, by.name(), by.id().value());
    }

    /**
     * Records money we owe on behalf of someone or something ({@code recordedBy} is a name: an agent's, "Approvals").
     * The customer is taken from the conversation when not given. This is the seam for approvals: an approved
     * request records its entry here.
     *
     * @throws OwedRejected naming the field at fault
     */
    @Transactional
    public MoneyOwed record(MoneyOwed.Terms terms, String recordedBy) {
        return record(terms, recordedBy, null);
    }

    private MoneyOwed record(MoneyOwed.Terms terms, String recordedBy, UUID actor) {
        MoneyOwed entry = entries.save(MoneyOwed.record(checked(terms), recordedBy, clock.instant()));
        audit.record(entry.id(), "RECORDED", actor, recordedBy, entry.amount() + " " + entry.kind().label()
                + " for " + entry.reason() + ", due " + entry.dueAt(), clock.instant());
        events.publishEvent(new MoneyOwedRecorded(entry.id(), entry.customer(), entry.conversation().orElse(null),
                callThem(entry), entry.amount().toString(), entry.kind().label(),
                entry.responsibleAgent().orElse(null), entry.responsibleTeam().orElse(null), entry.dueAt(),
                DUE_DAY.format(entry.dueAt().atZone(calendar.zone())), recordedBy, actor));
        return entry;
    }

    private MoneyOwed.Terms checked(MoneyOwed.Terms terms) {
        Optional<Conversation> conversation = conversationOf(terms);
        UUID customer = terms.customer() != null ? terms.customer()
                : conversation.flatMap(Conversation::customerId).orElse(null);
        if (customer != null && customers.find(new Customer.CustomerId(customer)).isEmpty()) {
            throw new OwedRejected("customerId", "There is no such customer.");
        }
        if (customer != null && conversation.flatMap(Conversation::customerId).filter(c -> !c.equals(customer))
                .isPresent()) {
            throw new OwedRejected("conversationId", "That conversation is with another customer.");
        }
        if (terms.responsibleAgent() != null && roster.findAgent(new Agent.AgentId(terms.responsibleAgent()))
                .filter(Agent::isActive).isEmpty()) {
            throw new OwedRejected("responsible", "There is no active agent like that to pay it.");
        }
        if (terms.responsibleTeam() != null && roster.findTeam(new Team.TeamId(terms.responsibleTeam())).isEmpty()) {
            throw new OwedRejected("responsible", "There is no such team.");
        }
        return new MoneyOwed.Terms(customer, terms.conversation(), terms.amount(), terms.kind(), terms.reason(),
                terms.responsibleAgent(), terms.responsibleTeam(), terms.dueAt(), terms.owedSince(),
                terms.reference());
    }

    private Optional<Conversation> conversationOf(MoneyOwed.Terms terms) {
        if (terms.conversation() == null) {
            return Optional.empty();
        }
        return Optional.of(desk.find(new Conversation.ConversationId(terms.conversation()))
                .orElseThrow(() -> new OwedRejected("conversationId", "There is no such conversation.")));
    }

    /**
     * Marks an entry paid and makes the promise that the agent who owns the relationship tells the customer by the
     * end of the next business day (the payment is the work done; a reply on the conversation keeps it).
     *
     * @throws OwedConflict when it is no longer owed, or someone else paid or cancelled it at the same moment
     */
    @Transactional
    public MoneyOwed pay(UUID id, String paymentReference, SignedInAgent by) {
        MoneyOwed entry = settleable(id, by);
        Instant now = clock.instant();
        try {
            entry.pay(paymentReference, by.name(), now);
        } catch (IllegalStateException e) {
            throw new OwedConflict(e.getMessage());
        }
        Optional<Customer> customer = customers.find(new Customer.CustomerId(entry.customer()));
        RelationshipOwner.Who who = relationships.of(entry, customer);
        if (who.agent() == null && who.team() == null && by.role() != Role.TEAMMATE) {
            who = new RelationshipOwner.Who(by.id().value(), null);
        }
        String what = "Tell " + customer.map(Customer::callThem).orElse("the customer") + " their " + entry.amount()
                + " " + entry.kind().label() + " was paid (" + entry.paymentReference().orElseThrow() + ")";
        Instant tellBy = calendar.plusBusinessDays(teamOf(entry), now, 1);
        Promise promise = null;
        if (who.agent() != null || who.team() != null) {
            promise = promises.make(new Promise.Terms(entry.conversation().orElse(null), entry.customer(), what,
                    who.agent(), who.team(), null, tellBy, null), by.name());
            promise = promises.markDone(promise.id(), by.name());
            entry.toldBy(promise.id());
        }
        MoneyOwed saved = saved(entry);
        audit.record(id, "PAID", by.id().value(), by.name(), saved.amount() + " paid, reference "
                + saved.paymentReference().orElseThrow(), now);
        events.publishEvent(new MoneyOwedPaid(id, saved.customer(), saved.conversation().orElse(null),
                saved.amount().toString(), saved.paymentReference().orElseThrow(), by.name(), who.agent(), who.team(),
                promise == null ? null : promise.id(), tellBy, what));
        return saved;
    }

    /**
     * @throws OwedConflict when it is no longer owed, or someone else paid or cancelled it at the same moment
     */
    @Transactional
    public MoneyOwed cancel(UUID id, String reason, SignedInAgent by) {
        MoneyOwed entry = visibleTo(id, by);
        if (!mayCancel(entry, by)) {
            throw new NotYours("Only whoever is responsible for it, an agent or a lead cancels it.");
        }
        try {
            entry.cancel(reason, by.name(), clock.instant());
        } catch (IllegalStateException e) {
            throw new OwedConflict(e.getMessage());
        }
        MoneyOwed saved = saved(entry);
        audit.record(id, "CANCELLED", by.id().value(), by.name(), saved.amount() + " no longer owed: "
                + saved.cancelReason().orElseThrow(), clock.instant());
        events.publishEvent(new MoneyOwedCancelled(id, saved.customer(), saved.conversation().orElse(null),
                saved.amount().toString(), saved.cancelReason().orElseThrow()));
        return saved;
    }

    private MoneyOwed saved(MoneyOwed entry) {
        try {
            return entries.save(entry);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new OwedConflict("Someone else paid or cancelled this at the same moment; look again.");
        }
    }

    private MoneyOwed settleable(UUID id, SignedInAgent by) {
        MoneyOwed entry = visibleTo(id, by);
        if (!maySettle(entry, by)) {
            throw new NotYours("Only whoever is responsible for it (or their lead) marks it paid or cancels it.");
        }
        return entry;
    }

    private Optional<Team.TeamId> teamOf(MoneyOwed entry) {
        return entry.conversation().flatMap(id -> desk.find(new Conversation.ConversationId(id)))
                .flatMap(Conversation::team);
    }

    /**
     * Reminds whoever is responsible for each overdue entry (and their lead) once a day, each entry in a transaction
     * of its own. The day is the business's, and it is stored on the entry: safe on several instances and after a
     * restart.
     *
     * @return how many reminders went out
     */
    public int remindOverdue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        int sent = 0;
        for (UUID id : entries.overdueNotRemindedOn(now, today, 500)) {
            try {
                Boolean reminded = transactions.execute(status -> remind(id, now, today));
                sent += Boolean.TRUE.equals(reminded) ? 1 : 0;
            } catch (OptimisticLockingFailureException anotherInstanceDidIt) {
                // reminded (or paid) elsewhere at the same moment; tomorrow's check looks again
            }
        }
        return sent;
    }

    private boolean remind(UUID id, Instant now, LocalDate today) {
        MoneyOwed entry = require(id);
        if (!entry.remindIfOverdue(now, today)) {
            return false;
        }
        entries.save(entry);
        events.publishEvent(new MoneyOwedOverdue(id, entry.customer(), entry.conversation().orElse(null),
                callThem(entry),
                entry.amount().toString(), entry.kind().label(), entry.responsibleAgent().orElse(null),
                entry.responsibleTeam().orElse(null), entry.dueAt(),
                Math.max(1, Duration.between(entry.dueAt(), now).toDays())));
        return true;
    }

    private String callThem(MoneyOwed entry) {
        return customers.find(new Customer.CustomerId(entry.customer())).map(Customer::callThem)
                .orElse("the customer");
    }

    @Transactional(readOnly = true)
    public MoneyOwed require(UUID id) {
        return entries.findById(id).orElseThrow(() -> new NoSuchEntry(id));
    }

    /** The entry if the agent may see it. */
    @Transactional(readOnly = true)
    public MoneyOwed visibleTo(UUID id, SignedInAgent agent) {
        MoneyOwed entry = require(id);
        if (!canSee(entry, agent)) {
            throw new NoSuchEntry(id);
        }
        return entry;
    }

    /** Agents, leads and admins see every entry; a teammate those they or their teams are responsible for. */
    public boolean canSee(MoneyOwed entry, SignedInAgent agent) {
        return agent.role() != Role.TEAMMATE || isResponsible(entry, agent);
    }

    /** Whoever is responsible (the person, or a member of the team), leads and admins mark it paid or cancel it. */
    public boolean maySettle(MoneyOwed entry, SignedInAgent agent) {
        return agent.role() == Role.ADMIN || agent.role() == Role.LEAD || isResponsible(entry, agent);
    }

    /**
     * Agents may also cancel (the customer chose a replacement after all); a teammate only what is routed to them.
     */
    public boolean mayCancel(MoneyOwed entry, SignedInAgent agent) {
        return agent.role() != Role.TEAMMATE || isResponsible(entry, agent);
    }

    private boolean isResponsible(MoneyOwed entry, SignedInAgent agent) {
        return entry.responsibleAgent().filter(agent.id().value()::equals).isPresent()
                || entry.responsibleTeam().filter(team -> teamsOf(agent).contains(team)).isPresent();
    }

    /** The ids of the agent's teams. */
    public Set<UUID> teamsOf(SignedInAgent agent) {
        return roster.findAgent(agent.id()).map(a -> a.teams().stream().map(Team.TeamId::value)
                .collect(java.util.stream.Collectors.toSet())).orElse(Set.of());
    }

    /** What the agent or their teams are to pay, oldest first. */
    @Transactional(readOnly = true)
    public List<MoneyOwed> owedBy(SignedInAgent agent) {
        Set<UUID> teams = teamsOf(agent);
        return entries.owedBy(agent.id().value(), teams.isEmpty() ? Set.of(new UUID(0, 0)) : teams);
    }

    @Transactional(readOnly = true)
    public List<MoneyOwed> onConversation(UUID conversation) {
        return entries.findByConversationOrderByOwedSince(conversation);
    }

    @Transactional(readOnly = true)
    public List<MoneyOwed> forCustomer(UUID customer) {
        return entries.findByCustomerOrderByOwedSince(customer);
    }

    @Transactional(readOnly = true)
    public List<AuditLine> history(UUID entry) {
        return audit.of(entry);
    }

    /** No entry with this id, or none the asking agent may see. */
    public static class NoSuchEntry extends RuntimeException {
        public NoSuchEntry(UUID id) {
            super("No such money owed: " + id);
        }
    }

    /** The agent may not do this (a teammate recording, someone not responsible paying). */
    public static class NotYours extends RuntimeException {
        public NotYours(String message) {
            super(message);
        }
    }

    /** The entry's state forbids it (paying a cancelled entry), or someone else settled it at the same moment. */
    public static class OwedConflict extends RuntimeException {
        public OwedConflict(String message) {
            super(message);
        }
    }
}
