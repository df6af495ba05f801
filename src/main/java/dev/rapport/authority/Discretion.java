package dev.rapport.authority;

import java.util.List;
import java.util.Optional;

/**
 * What one agent may grant without asking, as it applies to them now: their own limit, else their role's; an admin's
 * is unlimited; nobody else's set means nothing may be granted alone.
 */
public record Discretion(Optional<AuthorityLimit.Terms> terms, boolean unlimited) {

    static final Discretion UNLIMITED = new Discretion(Optional.empty(), true);
    static final Discretion NONE = new Discretion(Optional.empty(), false);

    static Discretion of(AuthorityLimit limit) {
        return new Discretion(Optional.of(limit.terms()), false);
    }

    /** Whether this covers a credit or refund of {@code amount}, or the named {@code exception}, per case. */
    public boolean covers(GrantKind kind, dev.rapport.shared.Money amount, String exception) {
        if (unlimited) {
            return true;
        }
        if (!kind.isMoney()) {
            return mayGrant(exception);
        }
        return terms.filter(t -> t.perCase().currency().equals(amount.currency())
                && t.perCase().minorUnits() >= amount.minorUnits()).isPresent();
    }

    public boolean mayGrant(String exception) {
        return unlimited || terms.map(AuthorityLimit.Terms::exceptions).orElse(List.of()).stream()
                .anyMatch(name -> name.equalsIgnoreCase(exception.strip()));
    }
}
