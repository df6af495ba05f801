package dev.rapport.authority;

import dev.rapport.shared.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * A credit, refund or exception an agent granted on their own judgment, inside their limits: who, to which customer,
 * why, and the month of the business's calendar whose budget it was taken from. Never changed once made.
 */
public final class DiscretionGrant {

    private final @Id UUID id;
    private final UUID agent;
    private final String agentName;
    private final UUID customer;
    private final UUID conversation;
    private final GrantKind kind;
    private final Long amountMinor;
    private final String currency;
    private final String exceptionName;
    private final String reason;
    private final Instant grantedAt;
    private final String budgetMonth;
    private UUID owedEntry;
    private @Version Long version;

    @PersistenceCreator
    DiscretionGrant(UUID id, UUID agent, String agentName, UUID customer, UUID conversation, GrantKind kind,
                    Long amountMinor, String currency, String exceptionName, String reason, Instant grantedAt,
                    String budgetMonth, UUID owedEntry, Long version) {
        this.id = id;
        this.agent = agent;
        this.agentName = agentName;
        this.customer = customer;
        this.conversation = conversation;
        this.kind = kind;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.exceptionName = exceptionName;
        this.reason = reason;
        this.grantedAt = grantedAt;
        this.budgetMonth = budgetMonth;
        this.owedEntry = owedEntry;
        this.version = version;
    }

    static DiscretionGrant of(GrantRequest request, UUID agent, String agentName, Instant now, YearMonth month) {
        Money amount = request.amount();
        return new DiscretionGrant(UUID.randomUUID(), agent, agentName, request.customer(), request.conversation(),
                request.kind(), amount == null ? null : amount.minorUnits(),
                amount == null ? null : amount.currencyCode(),
                request.kind().isMoney() ? null : request.exception().strip(), request.reason().strip(), now,
                month.toString(), null, null);
    }

    void owedAs(UUID entry) {
        this.owedEntry = entry;
    }

    public UUID id() {
        return id;
    }

    public UUID agent() {
        return agent;
    }

    public String agentName() {
        return agentName;
    }

    public UUID customer() {
        return customer;
    }

    public Optional<UUID> conversation() {
        return Optional.ofNullable(conversation);
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

    public Instant grantedAt() {
        return grantedAt;
    }

    /** The budget month in the business's time zone, as {@code 2026-11}. */
    public YearMonth budgetMonth() {
        return YearMonth.parse(budgetMonth);
    }

    /** The money-owed entry a credit or refund became. */
    public Optional<UUID> owedEntry() {
        return Optional.ofNullable(owedEntry);
    }
}
