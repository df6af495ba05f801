/**
 * The chat channel: widgets the admin puts on the business's website with one script tag (team, colour, greeting,
 * allowed origins, pre-chat fields, office hours, and the secret that signs a logged-in customer's identity), the
 * visitors' transport (a WebSocket with an SSE + POST fallback, every message stored under its client id before it
 * is acknowledged, so a resend is recognised and a reconnect resumes from the last line), agents' chat availability,
 * routing of new chats to the team's available agents, the live chat panel beside the conversation, transfers, quiet
 * chats closed, the offline form answered by email and transcripts, visitors' pictures and files (kept by the
 * conversations module's attachment store), and the cues that tell agents of a new chat. Live events go through {@link
 * dev.rapport.chat.ChatFanOut} (in process for now). Listens to {@link dev.rapport.conversations.ReplyPosted};
 * publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents", "business",
        "conversations", "mail"})
package dev.rapport.chat;
