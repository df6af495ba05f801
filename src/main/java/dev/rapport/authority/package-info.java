/**
 * Authority and discretion: the limits admins set per role and per agent (the largest credit or refund per case, a
 * monthly discretion budget, the named exceptions an agent may grant) and the grants agents make inside them at
 * once, each recorded with its reason, deducted from the month's budget (months in the business's time zone) and
 * recorded as money owed through {@link dev.rapport.owed.OwedLedger}. A grant beyond the limits needs an approval
 * ({@link dev.rapport.authority.NeedsApproval}): {@link dev.rapport.authority.Approvals} routes the request to the
 * people whose limits cover it, makes the promise that the customer hears from the agent by a time, and lets someone
 * else with the authority decide it once (approved money is owed; the promise's work is done). Publishes
 * {@link dev.rapport.authority.ApprovalRequested} and {@link dev.rapport.authority.ApprovalDecided}. On the web: Admin →
 * Authority, the conversation sidebar's "Use my judgment" panel (a {@code ConversationAddOn}), Approvals, and the
 * budgets, approvals and grants leads see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Authority",
        allowedDependencies = {"shared", "agents", "business", "conversations", "owed", "promises"})
package dev.rapport.authority;
