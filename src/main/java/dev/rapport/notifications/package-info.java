/**
 * In-app notifications for agents: an @mention in a note, a customer writing in a conversation they follow, a
 * promise's deadline coming up (to whoever must act), a promise broken (to its owner and the leads of its team).
 * Listens to {@link dev.rapport.conversations.AgentMentioned}, {@link dev.rapport.conversations.MessageReceived},
 * {@link dev.rapport.promises.PromiseDueSoon} and {@link dev.rapport.promises.PromiseBroken}; email notifications
 * come with the email channel. Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents", "conversations", "promises"})
package dev.rapport.notifications;
