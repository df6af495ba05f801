/**
 * Promises: every commitment made to a customer as a first-class record — what will be done, who does it (an agent or
 * a team) and by when, who tells the customer and by when — and whether it was kept. A promise is kept only when the
 * work was done by its deadline and the customer was told about it by the contact deadline (a reply on the
 * conversation counts, or a note of how they were told); one renegotiated in time goes on with new dates and its
 * history; one whose deadline passes otherwise is broken and stays visible until someone records what happened next.
 * Deadlines and reminders are checked from the database, once each across restarts and instances. On the web side:
 * the "Make a promise" panel in the composer (made atomically with the reply, its sentence added in plain words, quick
 * deadlines on the team's business hours), the conversation's promises in the sidebar, My promises, the customer
 * card's open promises, a question before solving a conversation with open promises, the promises report (kept rates by agent, team and
 * week, counted in the week of each promise's first deadline, kept in {@code promise_first_deadline}), and the promises API
 * ({@code /api/v1/promises}). Publishes {@link dev.rapport.promises.PromiseMade},
 * {@link dev.rapport.promises.PromiseKept}, {@link dev.rapport.promises.PromiseRenegotiated},
 * {@link dev.rapport.promises.PromiseBroken} and {@link dev.rapport.promises.PromiseDueSoon}; listens to
 * {@code ReplyPosted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Promises",
        allowedDependencies = {"shared", "agents", "business", "conversations", "customers"})
package dev.rapport.promises;
