/**
 * Authority and discretion: the limits admins set per role and per agent (the largest credit or refund per case, a
 * monthly discretion budget, the named exceptions an agent may grant) and the grants agents make inside them at
 * once, each recorded with its reason, deducted from the month's budget (months in the business's time zone) and
 * recorded as money owed through {@link dev.rapport.owed.OwedLedger}. A grant beyond the limits is refused as needing
 * an approval ({@link dev.rapport.authority.NeedsApproval}); approvals and escalation paths come next. Publishes no
 * events yet. On the web: Admin → Authority, the conversation sidebar's "Use my judgment" panel (a
 * {@code ConversationAddOn}) and the grants leads see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Authority",
        allowedDependencies = {"shared", "agents", "business", "conversations", "owed"})
package dev.rapport.authority;
