package dev.rapport.authority;

import dev.rapport.owed.OwedKind;

/** What an agent grants: money back (owed to the customer until paid) or a named exception to the business's rules. */
public enum GrantKind {
    CREDIT(OwedKind.GOODWILL, "goodwill credit"), REFUND(OwedKind.REFUND, "refund"), EXCEPTION(null, "exception");

    private final OwedKind owedAs;
    private final String label;

    GrantKind(OwedKind owedAs, String label) {
        this.owedAs = owedAs;
        this.label = label;
    }

    /** In a sentence: "goodwill credit", "refund", "exception". */
    public String label() {
        return label;
    }

    public boolean isMoney() {
        return owedAs != null;
    }

    OwedKind owedAs() {
        return owedAs;
    }
}
