package dev.rapport.promises.web;

import dev.rapport.promises.Promise;

/**
 * A promise as a page shows it: with the names behind its ids and the conversation's number.
 *
 * @param ownerName   the agent's name, or the team's followed by "team"
 * @param contactName who tells the customer
 * @param number      the conversation's number, or null
 * @param overdue     a pending deadline has passed (the next check will break it)
 */
record PromiseView(Promise promise, String ownerName, String contactName, Long number, boolean overdue) {

    public String stateLabel() {
        return switch (promise.state()) {
            case OPEN -> "Open";
            case RENEGOTIATED -> "New date agreed";
            case DONE -> "Done, tell the customer";
            case KEPT -> "Kept";
            case BROKEN -> promise.needsFollowUp() ? "Broken" : "Broken, followed up";
            case CANCELLED -> "Cancelled";
        };
    }

    public String stateClass() {
        return "promise-" + promise.state().name().toLowerCase();
    }

    public boolean workPending() {
        return promise.state().pending() && promise.doneAt().isEmpty();
    }

    public boolean waitingForContact() {
        return promise.state() == dev.rapport.promises.PromiseState.DONE;
    }

    public boolean canRenegotiate() {
        return promise.state().pending() || promise.needsFollowUp();
    }
}
