/**
 * In-app notifications for agents: an @mention in a note, a customer writing in a conversation they follow, a
 * promise's deadline coming up (to whoever must act), a promise broken (to its owner and the leads of its team),
 * money owed routed to someone (to them or their team), paid (to whoever tells the customer) or overdue (to whoever
 * is responsible and their lead, daily), an approval requested (to those it was routed to) or decided (to whoever
 * asked), a conversation escalated (to the person or everyone on the team brought in), an internal request asked (to
 * whom it was asked of) and answered (to whoever asked).
 * Listens to {@link dev.rapport.conversations.AgentMentioned}, {@link dev.rapport.conversations.MessageReceived},
 * {@link dev.rapport.promises.PromiseDueSoon}, {@link dev.rapport.promises.PromiseBroken},
 * {@link dev.rapport.owed.MoneyOwedRecorded}, {@link dev.rapport.owed.MoneyOwedPaid} and
 * {@link dev.rapport.owed.MoneyOwedOverdue}, {@link dev.rapport.authority.ApprovalRequested} and
 * {@link dev.rapport.authority.ApprovalDecided}, {@link dev.rapport.escalation.ConversationEscalated},
 * {@link dev.rapport.escalation.InternalRequestMade} and {@link dev.rapport.escalation.InternalRequestAnswered}; email notifications come with the email channel. Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents", "conversations", "promises",
        "owed", "authority", "escalation"})
package dev.rapport.notifications;
