/**
 * Conversations with customers and the shared inbox agents work from: messages (the customer's, our replies,
 * internal notes), assignment, statuses, priority, tags, the timeline of changes and the inbox views in
 * longest-waiting-first order. Channels turn the outside world into calls on {@link dev.rapport.conversations.Desk};
 * conversations never depend on a channel. Publishes {@link dev.rapport.conversations.ConversationStarted},
 * {@link dev.rapport.conversations.MessageReceived}, {@link dev.rapport.conversations.ReplyPosted} and
 * {@link dev.rapport.conversations.ConversationChanged}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents", "business"})
package dev.rapport.conversations;
