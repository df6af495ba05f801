package dev.rapport.owed.web;

import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedState;

/**
 * An entry as pages show it: with the customer's and the responsible people's names, the conversation's number, and
 * the sentence that says it all ("We owe Alex $700.00 since 3 March (Accounting, due 10 March)").
 */
record OwedView(MoneyOwed entry, String customerName, String callThem, Long customerNumber, Long conversationNumber,
                String responsibleName, String department, boolean overdue, long daysOwed, String age,
                String sentence, String since, String due, boolean maySettle, boolean mayCancel,
                boolean customerToBeTold) {

    public String stateLabel() {
        return overdue ? "Overdue" : switch (entry.state()) {
            case OWED -> "Owed";
            case PAID -> "Paid";
            case CANCELLED -> "Cancelled";
        };
    }

    public String stateClass() {
        return overdue ? "danger" : entry.state() == OwedState.PAID ? "ok" : entry.state() == OwedState.OWED
                ? "warn" : "";
    }

    /** What the agent may send the customer once it is paid (the reply draft the sidebar offers). */
    public String replyDraft() {
        return "Good news, " + callThem + ": the " + entry.amount() + " " + entry.kind().label() + " we owed you has "
                + "been paid (reference " + entry.paymentReference().orElse("") + "). Depending on your bank it can "
                + "take a few days to show.";
    }

    public boolean owed() {
        return entry.state() == OwedState.OWED;
    }
}
