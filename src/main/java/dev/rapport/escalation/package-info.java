/**
 * Escalation paths and internal requests: admins define per topic (a conversation tag) the ordered teams or people to
 * bring in; an agent escalates a conversation to the next step (or anyone) with a reason, and the specialist becomes a
 * collaborator while the first agent stays the owner of the relationship unless they hand it over; an agent asks a
 * teammate of another department a question with a due time, answered in Rapport as an internal note. Teammates see
 * exactly the conversations they were brought into ({@link dev.rapport.conversations.ConversationAccess}). Every
 * escalation, hand-over, request and answer is audited; the report says how often, to where and how long to
 * resolution. Publishes {@link dev.rapport.escalation.ConversationEscalated},
 * {@link dev.rapport.escalation.InternalRequestMade} and {@link dev.rapport.escalation.InternalRequestAnswered}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation",
        allowedDependencies = {"shared", "agents", "business", "conversations"})
package dev.rapport.escalation;
