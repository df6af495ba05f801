package dev.rapport.authority;

import dev.rapport.agents.Role;
import dev.rapport.shared.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What one role, or one agent in place of their role, may grant without asking: the largest credit or refund per case,
 * a monthly discretion budget (both in one currency) and the named exceptions the business lets them grant. An agent's
 * own limit replaces their role's whole.
 */
public final class AuthorityLimit {

    private final @Id UUID id;
    private final Role role;
    private final UUID agent;
    private long perCaseMinor;
    private long monthlyBudgetMinor;
    private String currency;
    private String namedExceptions;
    private @Version Long version;

    @PersistenceCreator
    AuthorityLimit(UUID id, Role role, UUID agent, long perCaseMinor, long monthlyBudgetMinor, String currency,
                   String namedExceptions, Long version) {
        this.id = id;
        this.role = role;
        this.agent = agent;
        this.perCaseMinor = perCaseMinor;
        this.monthlyBudgetMinor = monthlyBudgetMinor;
        this.currency = currency;
        this.namedExceptions = namedExceptions;
        this.version = version;
    }

    /** What a limit is set to; amounts not below zero and in one currency, exceptions as the business names them. */
    public record Terms(Money perCase, Money monthlyBudget, List<String> exceptions) {
        public Terms {
            Objects.requireNonNull(perCase, "perCase");
            Objects.requireNonNull(monthlyBudget, "monthlyBudget");
            if (!perCase.currency().equals(monthlyBudget.currency())) {
                throw new LimitRejected("monthlyBudget", "The budget and the per-case limit must be in one currency.");
            }
            if (perCase.minorUnits() < 0 || monthlyBudget.minorUnits() < 0) {
                throw new LimitRejected("perCase", "A limit cannot be below zero.");
            }
            exceptions = exceptions == null ? List.of() : exceptions.stream().map(String::strip)
                    .filter(name -> !name.isEmpty()).distinct().toList();
            if (exceptions.stream().anyMatch(name -> name.length() > 200 || name.contains("\n"))) {
                throw new LimitRejected("exceptions", "Name each exception in one line of 200 characters at most.");
            }
        }
    }

    static AuthorityLimit forRole(Role role, Terms terms) {
        return new AuthorityLimit(UUID.randomUUID(), Objects.requireNonNull(role), null, terms, null);
    }

    static AuthorityLimit forAgent(UUID agent, Terms terms) {
        return new AuthorityLimit(UUID.randomUUID(), null, Objects.requireNonNull(agent), terms, null);
    }

    private AuthorityLimit(UUID id, Role role, UUID agent, Terms terms, Long version) {
        this(id, role, agent, 0, 0, null, null, version);
        change(terms);
    }

    void change(Terms terms) {
        this.perCaseMinor = terms.perCase().minorUnits();
        this.monthlyBudgetMinor = terms.monthlyBudget().minorUnits();
        this.currency = terms.perCase().currencyCode();
        this.namedExceptions = String.join("\n", terms.exceptions());
    }

    public UUID id() {
        return id;
    }

    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    public Optional<UUID> agent() {
        return Optional.ofNullable(agent);
    }

    public Money perCase() {
        return new Money(perCaseMinor, currencyOf());
    }

    public Money monthlyBudget() {
        return new Money(monthlyBudgetMinor, currencyOf());
    }

    public List<String> exceptions() {
        return namedExceptions == null || namedExceptions.isEmpty() ? List.of()
                : Arrays.asList(namedExceptions.split("\n"));
    }

    public Terms terms() {
        return new Terms(perCase(), monthlyBudget(), exceptions());
    }

    private Currency currencyOf() {
        return Currency.getInstance(currency);
    }
}
