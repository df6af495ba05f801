/**
 * Conversations with customers and the shared inbox agents work from. For now it owns only the inbox page; the
 * conversation model, messages, assignment and statuses arrive with the shared-inbox issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents"})
package dev.rapport.conversations;
