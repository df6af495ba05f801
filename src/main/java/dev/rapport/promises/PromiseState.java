package dev.rapport.promises;

/** Where a promise stands. */
public enum PromiseState {
    /** Made; the work is not done yet. */
    OPEN,
    /** The customer was told a new date in time (or after it broke); the promise goes on with new deadlines. */
    RENEGOTIATED,
    /** The work is done; the customer has not been told yet. */
    DONE,
    /** Done by the deadline and the customer told by the contact deadline. */
    KEPT,
    /** A deadline passed without the work done and the customer told, or a new date agreed. */
    BROKEN,
    /** No longer needed, with the reason. */
    CANCELLED;

    /** Whether somebody still owes the customer something on this promise. */
    public boolean pending() {
        return this == OPEN || this == RENEGOTIATED || this == DONE;
    }
}
