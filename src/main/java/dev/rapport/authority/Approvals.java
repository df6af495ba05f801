package dev.rapport.authority;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedRejected;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseRejected;
import dev.rapport.promises.PromiseState;
import dev.rapport.shared.web.SpokenTimes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Requests beyond an agent's limits. Filing one routes it to the people with that authority and makes the promise the
 * customer hears ("I've taken this to a team lead; you will hear from me by tomorrow at 5 pm"), owned by the agent.
 * Deciding one is for someone else with the authority, once: approved money is owed to the customer through the
 * money-owed ledger, the promise's work is done, and the agent is told to let the customer know, which keeps it.
 */
@Service
public class Approvals {

    private static final int QUEUE = 500;

    private final ApprovalRequests requests;
    private final ApprovalRouting routing;
    private final AuthorityLimits limits;
    private final Grants grants;
    private final PromiseLedger promises;
    private final OwedLedger owed;
    private final Desk desk;
    private final BusinessCalendar calendar;
    private final AuthoritySettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Approvals(ApprovalRequests requests, ApprovalRouting routing, AuthorityLimits limits, Grants grants,
              PromiseLedger promises, OwedLedger owed, Desk desk, BusinessCalendar calendar,
              AuthoritySettings settings, ApplicationEventPublisher events, PlatformTransactionManager transactions,
              Clock clock) {
        this.requests = requests;
        this.routing = routing;
        this.limits = limits;
        this.grants = grants;
        this.promises = promises;
        this.owed = owed;
        this.desk = desk;
        this.calendar = calendar;
        this.settings = settings;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** When the customer may hear, unless the agent says otherwise: a business day from now on the team's hours. */
    public Instant suggestedHearBy(Conversation conversation) {
        return calendar.plusBusinessDays(conversation.team(), clock.instant(), 1);
    }

    /**
     * Files a request beyond the agent's limits on a conversation they can see, routes it, and makes the promise that
     * the customer hears from them by {@code hearBy}.
     *
     * @throws GrantRejected naming the field at fault, or {@code form} when it is within their own limits or nobody
     *                       else may grant it
     * @throws NotAnApprover for a teammate (they do not promise customers) or a conversation not theirs to see
     */
    @Transactional
    public ApprovalRequest file(GrantRequest request, Instant hearBy, SignedInAgent by) {
        Grants.checkWellFormed(request);
        if (by.role() == Role.TEAMMATE) {
            throw new NotAnApprover("Teammates from other departments do not make promises to customers; ask the"
                    + " agent on the conversation to file it.");
        }
        Conversation conversation = conversationOf(request, by);
        if (withinOwnLimits(request, by)) {
            throw new GrantRejected("form", "This is within your own limits: grant it yourself.");
        }
        Instant now = clock.instant();
        if (hearBy == null) {
            throw new GrantRejected("hearBy", "Say by when the customer will hear from you.");
        }
        if (!hearBy.isAfter(now)) {
            throw new GrantRejected("hearBy", "That time has passed; choose when the customer will hear from you.");
        }
        ApprovalRoute route = routing.route(request, by);
        ApprovalRequest filed = ApprovalRequest.file(request, by.id().value(), by.name(), route, now, hearBy);
        Promise promise;
        try {
            promise = promises.make(new Promise.Terms(conversation.id().value(), request.customer(),
                    "I've taken " + filed.what() + " to " + route.description() + "; you will hear from "
                            + by.name() + ".", by.id().value(), null, by.id().value(), hearBy, hearBy), by);
        } catch (PromiseRejected rejected) {
            throw new GrantRejected("dueAt".equals(rejected.field()) || "contactAt".equals(rejected.field())
                    ? "hearBy" : "form", rejected.getMessage());
        }
        filed.promisedAs(promise.id());
        ApprovalRequest saved = requests.save(filed);
        events.publishEvent(new ApprovalRequested(saved.id(), saved.conversation(), saved.requesterName(),
                saved.what(), saved.approvers()));
        return saved;
    }

    /** What the agent tells the customer now: "I've taken this to a team lead; you will hear from me by …". */
    public String sentenceFor(ApprovalRequest request) {
        return "I've taken this to " + request.routedTo() + "; you will hear from me by "
                + SpokenTimes.when(request.hearBy(), calendar.zone(), clock.instant()) + ".";
    }

    /**
     * Approves the request, once. Approved money is owed to the customer (paid by whoever the requester named, else by
     * the requester), and the requester is told.
     *
     * @throws NotAnApprover  for one's own request, or beyond one's authority
     * @throws AlreadyDecided when someone decided it first, even at the same moment
     */
    public ApprovalRequest approve(UUID id, String note, SignedInAgent by) {
        return decide(id, true, note, by);
    }

    /**
     * Declines the request with a reason, once; the requester is told, and tells the customer.
     *
     * @throws GrantRejected  without a reason ({@code note})
     * @throws NotAnApprover  for one's own request, or beyond one's authority
     * @throws AlreadyDecided when someone decided it first, even at the same moment
     */
    public ApprovalRequest decline(UUID id, String note, SignedInAgent by) {
        if (note == null || note.isBlank()) {
            throw new GrantRejected("note", "Say why not, so the customer can be told.");
        }
        return decide(id, false, note, by);
    }

    private ApprovalRequest decide(UUID id, boolean approve, String note, SignedInAgent by) {
        if (note != null && note.strip().length() > 1000) {
            throw new GrantRejected("note", "Keep the note under 1000 characters.");
        }
        try {
            return transactions.execute(status -> decideOnce(id, approve, note, by));
        } catch (RuntimeException failure) {
            if (decidedMeanwhile(failure)) {
                throw new AlreadyDecided(require(id));
            }
            throw failure;
        }
    }

    private ApprovalRequest decideOnce(UUID id, boolean approve, String note, SignedInAgent by) {
        ApprovalRequest request = require(id);
        if (request.requestedBy().equals(by.id().value())) {
            throw new NotAnApprover("You cannot decide your own request; it went to " + request.routedTo() + ".");
        }
        if (!routing.mayDecide(by, request)) {
            throw new NotAnApprover(capitalised(request.what()) + " is beyond your own authority; it went to "
                    + request.routedTo() + ".");
        }
        Instant now = clock.instant();
        if (approve) {
            request.approve(by.id().value(), by.name(), note, now);
        } else {
            request.decline(by.id().value(), by.name(), note, now);
        }
        ApprovalRequest claimed = requests.save(request);
        if (approve && claimed.amount().isPresent()) {
            claimed.owedAs(recordOwed(claimed, by, now).id());
            claimed = requests.save(claimed);
        }
        claimed.promise().map(promises::require).filter(promise -> promise.state() == PromiseState.OPEN
                        || promise.state() == PromiseState.BROKEN && promise.doneAt().isEmpty())
                .ifPresent(promise -> promises.markDone(promise.id(), by.name()));
        events.publishEvent(new ApprovalDecided(claimed.id(), claimed.conversation(), claimed.requestedBy(),
                claimed.what(), approve, by.name(), claimed.decisionNote().orElse(null)));
        return claimed;
    }

    private MoneyOwed recordOwed(ApprovalRequest request, SignedInAgent by, Instant now) {
        boolean payerNamed = request.payerAgent().isPresent() || request.payerTeam().isPresent();
        try {
            return owed.record(new MoneyOwed.Terms(request.customer(), request.conversation(),
                    request.amount().orElseThrow(), request.kind().owedAs(), request.reason(),
                    payerNamed ? request.payerAgent().orElse(null) : request.requestedBy(),
                    request.payerTeam().orElse(null), now.plus(Duration.ofDays(settings.daysToPay())), null, null),
                    by.name() + " (approval)");
        } catch (OwedRejected rejected) {
            throw new GrantRejected(rejected.field(), rejected.getMessage());
        }
    }

    /** Waiting requests {@code approver} may decide (not their own), oldest first. */
    @Transactional(readOnly = true)
    public List<ApprovalRequest> waitingFor(SignedInAgent approver) {
        return requests.pendingOldestFirst(QUEUE).stream().filter(request -> routing.mayDecide(approver, request))
                .toList();
    }

    /** Everything waiting, oldest first: for leads and admins. */
    @Transactional(readOnly = true)
    public List<ApprovalRequest> waiting(SignedInAgent viewer) {
        requireLead(viewer);
        return requests.pendingOldestFirst(QUEUE);
    }

    /** The newest decisions: for leads and admins. */
    @Transactional(readOnly = true)
    public List<ApprovalRequest> recentlyDecided(SignedInAgent viewer, int size) {
        requireLead(viewer);
        return requests.recentlyDecided(Math.clamp(size, 1, 200));
    }

    /** What {@code agent} asked for, newest first. */
    @Transactional(readOnly = true)
    public List<ApprovalRequest> filedBy(SignedInAgent agent, int size) {
        return requests.filedBy(agent.id().value(), Math.clamp(size, 1, 200));
    }

    /** Requests on a conversation, newest first, when the viewer may see the conversation. */
    @Transactional(readOnly = true)
    public List<ApprovalRequest> onConversation(Conversation conversation, SignedInAgent viewer) {
        return desk.canSee(conversation, viewer)
                ? requests.findByConversationOrderByFiledAtDesc(conversation.id().value()) : List.of();
    }

    /** One request, for whoever filed it, whoever may decide it, and leads and admins. */
    @Transactional(readOnly = true)
    public ApprovalRequest visibleTo(UUID id, SignedInAgent viewer) {
        ApprovalRequest request = require(id);
        boolean lead = viewer.role() == Role.LEAD || viewer.role() == Role.ADMIN;
        if (!lead && !request.requestedBy().equals(viewer.id().value()) && !routing.mayDecide(viewer, request)) {
            throw new NotAnApprover("This request is not yours to see.");
        }
        return request;
    }

    public boolean mayDecide(SignedInAgent agent, ApprovalRequest request) {
        return request.isPending() && routing.mayDecide(agent, request);
    }

    /** @throws NoSuchRequest for an unknown id */
    ApprovalRequest require(UUID id) {
        return requests.findById(id).orElseThrow(() -> new NoSuchRequest(id));
    }

    private Conversation conversationOf(GrantRequest request, SignedInAgent by) {
        if (request.conversation() == null) {
            throw new GrantRejected("conversationId", "Say which conversation it is for.");
        }
        Conversation conversation = desk.find(new Conversation.ConversationId(request.conversation()))
                .orElseThrow(() -> new GrantRejected("conversationId", "There is no such conversation."));
        if (!desk.canSee(conversation, by)) {
            throw new NotAnApprover("This conversation is not yours to see.");
        }
        return conversation;
    }

    private boolean withinOwnLimits(GrantRequest request, SignedInAgent by) {
        Discretion own = limits.discretionOf(by.id().value(), by.role());
        if (!own.covers(request.kind(), request.amount(), request.exception())) {
            return false;
        }
        if (!request.kind().isMoney() || own.unlimited()) {
            return true;
        }
        Optional<dev.rapport.shared.Money> left = grants.remainingThisMonth(by);
        return left.filter(money -> money.minorUnits() >= request.amount().minorUnits()).isPresent();
    }

    private static void requireLead(SignedInAgent viewer) {
        if (viewer.role() != Role.LEAD && viewer.role() != Role.ADMIN) {
            throw new NotAnApprover("Only team leads and admins see every approval.");
        }
    }

    private static boolean decidedMeanwhile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException) {
                return true;
            }
        }
        return false;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** No approval request with that id. */
    public static class NoSuchRequest extends RuntimeException {
        NoSuchRequest(UUID id) {
            super("There is no approval request " + id + ".");
        }
    }
}
