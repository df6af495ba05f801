/**
 * The phone channel: telephony hooks any phone system can call (HMAC-signed call events, replays refused, every
 * request logged for the admin), calls with who answered and how they ended, the caller's card popped on the routed
 * team's screens while it rings, and the call in the customer's history afterwards: a message on their open
 * conversation or a new phone conversation, and for a missed call a call-back promise in the ledger, kept when an
 * outbound call or a reply reaches them (a {@code ConversationAddOn} sees the reply, and lists a conversation's calls
 * in its sidebar). Publishes {@link dev.rapport.phone.CallStarted}, {@link dev.rapport.phone.CallAnswered} and
 * {@link dev.rapport.phone.CallEnded}; listens to no other module's events.
 * <p>
 * The caller card reaches agents through the module's own event stream ({@code /live/calls}, opened by the layout's
 * script on every page) rather than through the conversations module's live updates: those follow inbox and
 * conversation pages, while a ringing phone must reach an agent wherever they are, and which agents see it (the
 * routed team, then only whoever answered) is the phone module's business. Like the conversations module's stream it
 * lives in memory on each node.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents", "business",
        "conversations", "customers", "promises", "owed"})
package dev.rapport.phone;
