/**
 * Money owed to customers: refunds, credits, reimbursements and goodwill we owe, each with its amount (minor units of
 * an ISO 4217 currency), reason, who is responsible (a person or a department's team), due date and reference, until
 * it is paid (with the payment's reference) or cancelled (with why). Paying it makes the promise that the agent who
 * owns the relationship tells the customer; overdue entries remind the responsible people and their lead once a day
 * (the day stored on the entry). Every recording, payment and cancellation is written to the module's own audit
 * table ({@code owed_audit}): the customers module's trail is keyed by customer and belongs to that module. On the
 * web: the conversation's sidebar panel, the customer card's section, "Money we owe" with the aging report and CSV,
 * and {@code /api/v1/owed}. Publishes {@link dev.rapport.owed.MoneyOwedRecorded}, {@link dev.rapport.owed.MoneyOwedPaid},
 * {@link dev.rapport.owed.MoneyOwedCancelled} and {@link dev.rapport.owed.MoneyOwedOverdue}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Money owed",
        allowedDependencies = {"shared", "agents", "business", "conversations", "customers", "promises"})
package dev.rapport.owed;
