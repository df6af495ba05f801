package dev.rapport.authority;

import dev.rapport.shared.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A credit, refund or exception an agent asked for beyond their own limits: what, why, for which customer, who it was
 * routed to (the people with that authority), by when the customer will hear, and — once someone decided — who
 * decided what, with a note. Decided once: a second decision is refused, and two at the same moment are told apart by
 * the version.
 */
public final class ApprovalRequest {

    private final @Id UUID id;
    private final UUID customer;
    private final UUID conversation;
    private final GrantKind kind;
    private final Long amountMinor;
    private final String currency;
    private final String exceptionName;
    private final String reason;
    private final UUID payerAgent;
    private final UUID payerTeam;
    private final UUID requestedBy;
    private final String requesterName;
    private final String routedTo;
    private final String approvers;
    private final Instant filedAt;
    private final Instant hearBy;
    private UUID promise;
    private ApprovalState state;
    private UUID decidedBy;
    private String deciderName;
    private Instant decidedAt;
    private String decisionNote;
    private UUID owedEntry;
    private @Version Long version;

    @PersistenceCreator
    ApprovalRequest(UUID id, UUID customer, UUID conversation, GrantKind kind, Long amountMinor, String currency,
                    String exceptionName, String reason, UUID payerAgent, UUID payerTeam, UUID requestedBy,
                    String requesterName, String routedTo, String approvers, Instant filedAt, Instant hearBy,
                    UUID promise, ApprovalState state, UUID decidedBy, String deciderName, Instant decidedAt,
                    String decisionNote, UUID owedEntry, Long version) {
        this.id = id;
        this.customer = customer;
        this.conversation = conversation;
        this.kind = kind;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.exceptionName = exceptionName;
        this.reason = reason;
        this.payerAgent = payerAgent;
        this.payerTeam = payerTeam;
        this.requestedBy = requestedBy;
        this.requesterName = requesterName;
        this.routedTo = routedTo;
        this.approvers = approvers;
        this.filedAt = filedAt;
        this.hearBy = hearBy;
        this.promise = promise;
        this.state = state;
        this.decidedBy = decidedBy;
        this.deciderName = deciderName;
        this.decidedAt = decidedAt;
        this.decisionNote = decisionNote;
        this.owedEntry = owedEntry;
        this.version = version;
    }

    static ApprovalRequest file(GrantRequest request, UUID requester, String requesterName, ApprovalRoute route,
                                Instant now, Instant hearBy) {
        Money amount = request.amount();
        return new ApprovalRequest(UUID.randomUUID(), request.customer(), request.conversation(), request.kind(),
                amount == null ? null : amount.minorUnits(), amount == null ? null : amount.currencyCode(),
                request.kind().isMoney() ? null : request.exception().strip(), request.reason().strip(),
                request.responsibleAgent(), request.responsibleTeam(), requester, requesterName, route.description(),
                route.approvers().stream().map(UUID::toString).collect(Collectors.joining(",")), now, hearBy, null,
                ApprovalState.PENDING, null, null, null, null, null, null);
    }

    void promisedAs(UUID promise) {
        this.promise = promise;
    }

    /** @throws AlreadyDecided when someone decided it before */
    void approve(UUID by, String byName, String note, Instant at) {
        decide(ApprovalState.APPROVED, by, byName, note, at);
    }

    /** @throws AlreadyDecided when someone decided it before */
    void decline(UUID by, String byName, String note, Instant at) {
        decide(ApprovalState.DECLINED, by, byName, note, at);
    }

    /** @throws AlreadyDecided when someone decided it before */
    void withdraw(UUID by, String byName, String note, Instant at) {
        decide(ApprovalState.WITHDRAWN, by, byName, note, at);
    }

    void owedAs(UUID entry) {
        this.owedEntry = entry;
    }

    private void decide(ApprovalState outcome, UUID by, String byName, String note, Instant at) {
        if (state != ApprovalState.PENDING) {
            throw new AlreadyDecided(this);
        }
        this.state = outcome;
        this.decidedBy = by;
        this.deciderName = byName;
        this.decidedAt = at;
        this.decisionNote = note == null || note.isBlank() ? null : note.strip();
    }

    /** "a $300.00 goodwill credit", "the exception \"Waive shipping\"". */
    public String what() {
        return amount().map(money -> "a " + money + " " + kind.label())
                .orElseGet(() -> "the exception \"" + exceptionName + "\"");
    }

    public UUID id() {
        return id;
    }

    public UUID customer() {
        return customer;
    }

    public UUID conversation() {
        return conversation;
    }

    public GrantKind kind() {
        return kind;
    }

    public Optional<Money> amount() {
        return amountMinor == null ? Optional.empty()
                : Optional.of(new Money(amountMinor, Currency.getInstance(currency)));
    }

    public Optional<String> exception() {
        return Optional.ofNullable(exceptionName);
    }

    public String reason() {
        return reason;
    }

    public Optional<UUID> payerAgent() {
        return Optional.ofNullable(payerAgent);
    }

    public Optional<UUID> payerTeam() {
        return Optional.ofNullable(payerTeam);
    }

    public UUID requestedBy() {
        return requestedBy;
    }

    public String requesterName() {
        return requesterName;
    }

    /** Who it went to, in words: "a team lead", "Priya Shah", "an admin". */
    public String routedTo() {
        return routedTo;
    }

    /** The people it was routed to when it was filed. */
    public List<UUID> approvers() {
        return approvers.isBlank() ? List.of()
                : Arrays.stream(approvers.split(",")).map(UUID::fromString).toList();
    }

    public Instant filedAt() {
        return filedAt;
    }

    /** By when the requester promised the customer they would hear. */
    public Instant hearBy() {
        return hearBy;
    }

    public Optional<UUID> promise() {
        return Optional.ofNullable(promise);
    }

    public ApprovalState state() {
        return state;
    }

    public boolean isPending() {
        return state == ApprovalState.PENDING;
    }

    public Optional<String> deciderName() {
        return Optional.ofNullable(deciderName);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<String> decisionNote() {
        return Optional.ofNullable(decisionNote);
    }

    public Optional<UUID> owedEntry() {
        return Optional.ofNullable(owedEntry);
    }

    Long version() {
        return version;
    }
}
