package dev.rapport.owed;

import dev.rapport.shared.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Money we owe a customer — a refund, a credit, a reimbursement or goodwill — from the moment someone said so until it
 * is paid or cancelled. Someone is always responsible (a person, or a department's team) and there is always a due
 * date, so that it cannot quietly wait for "the paperwork". The version makes two payments at the same moment end
 * with one paid entry and a conflict for the other.
 */
public final class MoneyOwed {

    private final @Id UUID id;
    private final UUID customer;
    private final UUID conversation;
    private final long amountMinor;
    private final String currency;
    private final OwedKind kind;
    private final String reason;
    private final Instant owedSince;
    private final UUID responsibleAgent;
    private final UUID responsibleTeam;
    private final Instant dueAt;
    private final String reference;
    private final String recordedBy;
    private OwedState state;
    private Instant paidAt;
    private String paymentReference;
    private String paidBy;
    private Instant cancelledAt;
    private String cancelReason;
    private String cancelledBy;
    private UUID tellPromise;
    private LocalDate remindedOn;
    private @Version Long version;

    @PersistenceCreator
    MoneyOwed(UUID id, UUID customer, UUID conversation, long amountMinor, String currency, OwedKind kind,
              String reason, Instant owedSince, UUID responsibleAgent, UUID responsibleTeam, Instant dueAt,
              String reference, String recordedBy, OwedState state, Instant paidAt, String paymentReference,
              String paidBy, Instant cancelledAt, String cancelReason, String cancelledBy, UUID tellPromise,
              LocalDate remindedOn, Long version) {
        this.id = id;
        this.customer = customer;
        this.conversation = conversation;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.kind = kind;
        this.reason = reason;
        this.owedSince = owedSince;
        this.responsibleAgent = responsibleAgent;
        this.responsibleTeam = responsibleTeam;
        this.dueAt = dueAt;
        this.reference = reference;
        this.recordedBy = recordedBy;
        this.state = state;
        this.paidAt = paidAt;
        this.paymentReference = paymentReference;
        this.paidBy = paidBy;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
        this.cancelledBy = cancelledBy;
        this.tellPromise = tellPromise;
        this.remindedOn = remindedOn;
        this.version = version;
    }

    /**
     * What an entry is made of. {@code responsibleAgent} or {@code responsibleTeam} (one is enough); {@code owedSince}
     * null means now; {@code conversation} and {@code reference} (an order or invoice number) are optional.
     */
    public record Terms(UUID customer, UUID conversation, Money amount, OwedKind kind, String reason,
                        UUID responsibleAgent, UUID responsibleTeam, Instant dueAt, Instant owedSince,
                        String reference) {
    }

    /**
     * @throws OwedRejected naming the field at fault: no customer, amount or kind, a blank or long reason, nobody
     *                      responsible, a due date not after the day it became owed
     */
    static MoneyOwed record(Terms terms, String recordedBy, Instant now) {
        if (terms.customer() == null) {
            throw new OwedRejected("customerId", "Say which customer we owe.");
        }
        if (terms.amount() == null) {
            throw new OwedRejected("amount", "Say how much we owe.");
        }
        if (terms.kind() == null) {
            throw new OwedRejected("kind", "Say what it is: a refund, a credit, a reimbursement or goodwill.");
        }
        String reason = required(terms.reason(), "reason", "Say why we owe it.", 1000);
        if (terms.responsibleAgent() == null && terms.responsibleTeam() == null) {
            throw new OwedRejected("responsible", "Say who will pay it: a person or a team.");
        }
        Instant since = terms.owedSince() == null ? now : terms.owedSince();
        if (since.isAfter(now)) {
            throw new OwedRejected("owedSince", "Money owed from a day still to come is not owed yet.");
        }
        if (terms.dueAt() == null) {
            throw new OwedRejected("dueAt", "Say by when it will be paid.");
        }
        if (!terms.dueAt().isAfter(since)) {
            throw new OwedRejected("dueAt", "The due date must come after the day it became owed.");
        }
        String reference = optional(terms.reference(), "reference", 200);
        return new MoneyOwed(UUID.randomUUID(), terms.customer(), terms.conversation(), terms.amount().minorUnits(),
                terms.amount().currencyCode(), terms.kind(), reason, since, terms.responsibleAgent(),
                terms.responsibleAgent() == null ? terms.responsibleTeam() : null, terms.dueAt(), reference,
                recordedBy, OwedState.OWED, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Paid, with the payment's reference (a bank transfer, a credit note number).
     *
     * @throws IllegalStateException when it is no longer owed (already paid, or cancelled)
     */
    void pay(String paymentReference, String by, Instant at) {
        requireOwed("mark it paid");
        this.paymentReference = required(paymentReference, "reference", "Give the payment's reference.", 200);
        this.paidAt = at;
        this.paidBy = by;
        this.state = OwedState.PAID;
    }

    /**
     * No longer owed, and why (the customer chose a replacement, recorded twice).
     *
     * @throws IllegalStateException when it is no longer owed
     */
    void cancel(String reason, String by, Instant at) {
        requireOwed("cancel it");
        this.cancelReason = required(reason, "reason", "Say why we no longer owe it.", 1000);
        this.cancelledAt = at;
        this.cancelledBy = by;
        this.state = OwedState.CANCELLED;
    }

    /** The promise made to tell the customer it was paid. */
    void toldBy(UUID promise) {
        this.tellPromise = promise;
    }

    /**
     * Whether to remind the responsible people today: owed, past its due date, and not reminded yet on
     * {@code today} (the business's day). Remembers the day, so a reminder goes out once a day however often it is
     * asked.
     */
    boolean remindIfOverdue(Instant now, LocalDate today) {
        if (!isOverdue(now) || today.equals(remindedOn)) {
            return false;
        }
        remindedOn = today;
        return true;
    }

    private void requireOwed(String action) {
        if (state != OwedState.OWED) {
            throw new IllegalStateException("Cannot " + action + ": it is already " + state.name().toLowerCase()
                    + (state == OwedState.PAID ? " (" + paymentReference + ")." : "."));
        }
    }

    private static String required(String text, String field, String message, int max) {
        if (text == null || text.isBlank()) {
            throw new OwedRejected(field, message);
        }
        return optional(text, field, max);
    }

    private static String optional(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > max) {
            throw new OwedRejected(field, "Keep it to " + max + " characters.");
        }
        return text.strip();
    }

    public boolean isOverdue(Instant now) {
        return state == OwedState.OWED && now.isAfter(dueAt);
    }

    public UUID id() {
        return id;
    }

    public UUID customer() {
        return customer;
    }

    public Optional<UUID> conversation() {
        return Optional.ofNullable(conversation);
    }

    public Money amount() {
        return new Money(amountMinor, Currency.getInstance(currency));
    }

    public OwedKind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public Instant owedSince() {
        return owedSince;
    }

    public Optional<UUID> responsibleAgent() {
        return Optional.ofNullable(responsibleAgent);
    }

    public Optional<UUID> responsibleTeam() {
        return Optional.ofNullable(responsibleTeam);
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    public String recordedBy() {
        return recordedBy;
    }

    public OwedState state() {
        return state;
    }

    public Optional<Instant> paidAt() {
        return Optional.ofNullable(paidAt);
    }

    public Optional<String> paymentReference() {
        return Optional.ofNullable(paymentReference);
    }

    public Optional<String> paidBy() {
        return Optional.ofNullable(paidBy);
    }

    public Optional<Instant> cancelledAt() {
        return Optional.ofNullable(cancelledAt);
    }

    public Optional<String> cancelReason() {
        return Optional.ofNullable(cancelReason);
    }

    public Optional<String> cancelledBy() {
        return Optional.ofNullable(cancelledBy);
    }

    public Optional<UUID> tellPromise() {
        return Optional.ofNullable(tellPromise);
    }

    public Optional<LocalDate> remindedOn() {
        return Optional.ofNullable(remindedOn);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MoneyOwed that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
