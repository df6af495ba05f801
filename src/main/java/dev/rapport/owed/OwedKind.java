package dev.rapport.owed;

/** Why we owe the money: it decides nothing in the ledger, but accounting books each kind differently. */
public enum OwedKind {
    REFUND("refund"), CREDIT("credit"), REIMBURSEMENT("reimbursement"), GOODWILL("goodwill credit");

    private final String label;

    OwedKind(String label) {
        this.label = label;
    }

    /** In a sentence: "their $700.00 refund". */
    public String label() {
        return label;
    }
}
