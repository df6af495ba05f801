/**
 * In-app notifications for agents: an @mention in a note, a customer writing in a conversation they follow. Listens
 * to {@link dev.rapport.conversations.AgentMentioned} and {@link dev.rapport.conversations.MessageReceived}; email
 * notifications come later. Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents", "conversations"})
package dev.rapport.notifications;
