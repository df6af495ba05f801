package dev.rapport.authority;

import dev.rapport.owed.OwedKind;

/** What an agent grants: money back (owed to the customer until paid) or a named exception to the business's rules. */
public enum GrantKind {
    CREDIT(OwedKind.GOODWILL), REFUND(OwedKind.REFUND), EXCEPTION(null);

    private final OwedKind owedAs;

    GrantKind(OwedKind owedAs) {
        this.owedAs = owedAs;
    }

    boolean isMoney() {
        return owedAs != null;
    }

    OwedKind owedAs() {
        return owedAs;
    }
}
