package dev.rapport.promises;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A commitment to a customer and its whole life: made, done, the customer told (kept), renegotiated, broken or
 * cancelled. The rules, in one place:
 * <ul>
 *   <li>Kept needs both: the work done by {@link #dueAt()} and the customer contacted after the work and by
 *       {@link #contactAt()}. Contact before the work is done does not count (there was nothing to tell yet).</li>
 *   <li>A deadline that passes — the work not done by {@code dueAt}, or done but the customer not told by
 *       {@code contactAt} — breaks the promise. Work finished late still breaks it.</li>
 *   <li>Renegotiating (the customer told a new date) before the deadline keeps the promise going with new dates;
 *       after it broke, it goes on too, but its history keeps the break, so it still counts as broken once.</li>
 *   <li>A broken promise stays visible until someone records what happened next.</li>
 * </ul>
 */
public final class Promise {

    private final @Id UUID id;
    private final UUID conversation;
    private final UUID customer;
    private final String what;
    private UUID owner;
    private UUID ownerTeam;
    private UUID contactBy;
    private final String madeBy;
    private final Instant madeAt;
    private PromiseState state;
    private Instant dueAt;
    private Instant contactAt;
    private Instant doneAt;
    private Instant contactedAt;
    private Instant brokenAt;
    private String resolution;
    private Instant remindedAt;
    private Instant nextReminderAt;
    @MappedCollection
    private final List<PromiseChange> history;
    private @Version Long version;

    @PersistenceCreator
    Promise(UUID id, UUID conversation, UUID customer, String what, UUID owner, UUID ownerTeam, UUID contactBy,
            String madeBy, Instant madeAt, PromiseState state, Instant dueAt, Instant contactAt, Instant doneAt,
            Instant contactedAt, Instant brokenAt, String resolution, Instant remindedAt, Instant nextReminderAt,
            List<PromiseChange> history, Long version) {
        this.id = id;
        this.conversation = conversation;
        this.customer = customer;
        this.what = what;
        this.owner = owner;
        this.ownerTeam = ownerTeam;
        this.contactBy = contactBy;
        this.madeBy = madeBy;
        this.madeAt = madeAt;
        this.state = state;
        this.dueAt = dueAt;
        this.contactAt = contactAt;
        this.doneAt = doneAt;
        this.contactedAt = contactedAt;
        this.brokenAt = brokenAt;
        this.resolution = resolution;
        this.remindedAt = remindedAt;
        this.nextReminderAt = nextReminderAt;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
        this.version = version;
    }

    private Promise(Terms terms, String what, String madeBy, Instant madeAt, Instant contactAt) {
        this(UUID.randomUUID(), terms.conversation(), terms.customer(), what, terms.owner(), terms.ownerTeam(),
                terms.contactBy() == null ? terms.owner() : terms.contactBy(), madeBy, madeAt, PromiseState.OPEN,
                terms.dueAt(), contactAt, null, null, null, null, null, null, List.of(), null);
        history.add(new PromiseChange(PromiseState.OPEN, madeAt, madeBy, "Promised: " + what));
    }

    /**
     * @param contactAt when the customer will have been told; before {@code dueAt} only makes sense for a promise to
     *                  give news (the caller warns about it); {@code null} means "when the work is due"
     * @throws IllegalArgumentException for a blank promise or a deadline that has already passed
     */
    public static Promise make(String what, String madeBy, Instant now, Instant dueAt, Instant contactAt) {
        return make(new Terms(null, null, what, null, null, null, dueAt, contactAt), madeBy, now);
    }

    /**
     * What a promise is made of: on which conversation and for which customer, what, who does it (an agent, or a
     * team when nobody in particular), who tells the customer (an agent; the owner when not given), and the two
     * deadlines.
     */
    public record Terms(UUID conversation, UUID customer, String what, UUID owner, UUID ownerTeam, UUID contactBy,
                        Instant dueAt, Instant contactAt) {
    }

    /** @see #make(String, String, Instant, Instant, Instant) */
    public static Promise make(Terms terms, String madeBy, Instant now) {
        String what = terms.what();
        Instant dueAt = terms.dueAt();
        Instant contactAt = terms.contactAt();
        if (what == null || what.isBlank()) {
            throw new IllegalArgumentException("Say what will be done.");
        }
        if (what.strip().length() > 300) {
            throw new IllegalArgumentException("Say what will be done in 300 characters at most.");
        }
        Objects.requireNonNull(dueAt, "dueAt");
        if (!dueAt.isAfter(now)) {
            throw new IllegalArgumentException("The deadline has already passed; choose a time still to come.");
        }
        Instant contact = contactAt == null ? dueAt : contactAt;
        if (!contact.isAfter(now)) {
            throw new IllegalArgumentException("The time to contact the customer has already passed.");
        }
        return new Promise(terms, what.strip(), madeBy, now, contact);
    }

    /** The work is done. Late work is recorded, but a promise already broken stays broken. */
    public void markDone(String by, Instant at) {
        requirePending("mark it done");
        if (doneAt != null) {
            return;
        }
        doneAt = at;
        if (state != PromiseState.BROKEN) {
            state = PromiseState.DONE;
        }
        history.add(new PromiseChange(PromiseState.DONE, at, by, "Work done"));
        settle(at);
    }

    /**
     * The customer heard from us on this conversation (a reply, a logged call, a chat message, or marked by hand).
     * It keeps the promise only once the work is done; earlier it is noted and changes nothing.
     */
    public void customerContacted(String by, Instant at) {
        if (state == PromiseState.CANCELLED || state == PromiseState.KEPT) {
            return;
        }
        if (doneAt == null || at.isBefore(doneAt)) {
            history.add(new PromiseChange(state, at, by, "Customer contacted before the work was done"));
            return;
        }
        contactedAt = at;
        settle(at);
    }

    /**
     * The customer was told a new date. Before the deadline the promise simply goes on; after a break it goes on
     * too, and its history keeps the break.
     */
    public void renegotiate(Instant newDueAt, Instant newContactAt, String message, String by, Instant now) {
        if (state == PromiseState.KEPT || state == PromiseState.CANCELLED) {
            throw new IllegalStateException("This promise is " + state.name().toLowerCase() + "; make a new one.");
        }
        if (newDueAt == null || !newDueAt.isAfter(now)) {
            throw new IllegalArgumentException("The new deadline must be still to come.");
        }
        Instant contact = newContactAt == null ? newDueAt : newContactAt;
        if (!contact.isAfter(now)) {
            throw new IllegalArgumentException("The time to contact the customer has already passed.");
        }
        dueAt = newDueAt;
        contactAt = contact;
        doneAt = null;
        contactedAt = null;
        remindedAt = null;
        state = PromiseState.RENEGOTIATED;
        history.add(new PromiseChange(PromiseState.RENEGOTIATED, now, by,
                "New date agreed" + (message == null || message.isBlank() ? "" : ": " + message.strip())));
    }

    /** No longer needed; the reason is kept. */
    public void cancel(String reason, String by, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the promise is no longer needed.");
        }
        if (state == PromiseState.KEPT) {
            throw new IllegalStateException("A kept promise cannot be cancelled.");
        }
        state = PromiseState.CANCELLED;
        history.add(new PromiseChange(PromiseState.CANCELLED, at, by, reason.strip()));
    }

    /**
     * Looks at the clock: a deadline that has passed without what it needed breaks the promise. Idempotent, so a
     * scheduler may call it again after a restart without breaking anything twice.
     *
     * @return whether this call broke the promise
     */
    public boolean checkDeadlines(Instant now) {
        if (!state.pending() || state == PromiseState.BROKEN) {
            return false;
        }
        boolean workLate = now.isAfter(dueAt) && (doneAt == null || doneAt.isAfter(dueAt));
        boolean contactLate = now.isAfter(contactAt) && (contactedAt == null || contactedAt.isAfter(contactAt));
        if (workLate || contactLate) {
            state = PromiseState.BROKEN;
            brokenAt = now;
            history.add(new PromiseChange(PromiseState.BROKEN, now, "Rapport", workLate
                    ? "The work was not done by the deadline" : "The customer was not told by the contact deadline"));
            return true;
        }
        return false;
    }

    /** Records what happened after a promise broke, which takes it off the broken list. */
    public void resolve(String whatHappened, String by, Instant at) {
        if (state != PromiseState.BROKEN) {
            throw new IllegalStateException("Only a broken promise is resolved; this one is "
                    + state.name().toLowerCase() + ".");
        }
        if (whatHappened == null || whatHappened.isBlank()) {
            throw new IllegalArgumentException("Say what happened next.");
        }
        resolution = whatHappened.strip();
        history.add(new PromiseChange(PromiseState.BROKEN, at, by, "What happened next: " + resolution));
    }

    /** Which deadline a reminder is about: the work (to the owner) or telling the customer (to the contact). */
    public enum Deadline { WORK, CONTACT }

    /** A reminder due now: about which deadline, and when it is. */
    public record Reminder(Deadline deadline, Instant at) {
    }

    /**
     * Plans the next reminder: {@code lead} before the deadline now ahead (the work's until it is done, then the
     * contact's), the earliest still to come and not yet reminded of. Nothing for a promise that no longer waits.
     */
    public void planReminders(List<java.time.Duration> leadTimes, Instant now) {
        Optional<Reminder> ahead = nextDeadline();
        nextReminderAt = ahead.flatMap(deadline -> leadTimes.stream()
                        .map(lead -> deadline.at().minus(lead))
                        .filter(point -> point.isAfter(now))
                        .min(Instant::compareTo))
                .orElse(null);
    }

    /**
     * A reminder when one is due at {@code now}; it is recorded, so asking again gives nothing until the next one.
     * Several reminders missed at once (Rapport was down) give one.
     */
    public Optional<Reminder> remind(List<java.time.Duration> leadTimes, Instant now) {
        if (nextReminderAt == null || now.isBefore(nextReminderAt)) {
            return Optional.empty();
        }
        Optional<Reminder> reminder = nextDeadline().filter(deadline -> deadline.at().isAfter(now));
        remindedAt = now;
        planReminders(leadTimes, now);
        return reminder;
    }

    private Optional<Reminder> nextDeadline() {
        if (!state.pending() || state == PromiseState.BROKEN) {
            return Optional.empty();
        }
        return Optional.of(doneAt == null ? new Reminder(Deadline.WORK, dueAt)
                : new Reminder(Deadline.CONTACT, contactAt));
    }

    public Optional<Instant> nextReminderAt() {
        return Optional.ofNullable(nextReminderAt);
    }

    /** When the customer was told (after the work was done); empty until then. */
    public Optional<Instant> contactedAt() {
        return Optional.ofNullable(contactedAt);
    }

    private void settle(Instant at) {
        if (state == PromiseState.BROKEN) {
            return;
        }
        if (doneAt != null && contactedAt != null && !doneAt.isAfter(dueAt) && !contactedAt.isAfter(contactAt)) {
            state = PromiseState.KEPT;
            history.add(new PromiseChange(PromiseState.KEPT, at, "Rapport", "Done and the customer told in time"));
        } else {
            checkDeadlines(at);
        }
    }

    private void requirePending(String action) {
        if (state == PromiseState.CANCELLED || state == PromiseState.KEPT) {
            throw new IllegalStateException("Cannot " + action + ": the promise is " + state.name().toLowerCase()
                    + ".");
        }
    }

    public UUID id() {
        return id;
    }

    public Optional<UUID> conversation() {
        return Optional.ofNullable(conversation);
    }

    public Optional<UUID> customer() {
        return Optional.ofNullable(customer);
    }

    public Optional<UUID> owner() {
        return Optional.ofNullable(owner);
    }

    public Optional<UUID> ownerTeam() {
        return Optional.ofNullable(ownerTeam);
    }

    public Optional<UUID> contactBy() {
        return Optional.ofNullable(contactBy);
    }

    public String what() {
        return what;
    }

    public String madeBy() {
        return madeBy;
    }

    public Instant madeAt() {
        return madeAt;
    }

    public PromiseState state() {
        return state;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant contactAt() {
        return contactAt;
    }

    public Optional<Instant> doneAt() {
        return Optional.ofNullable(doneAt);
    }

    public Optional<Instant> brokenAt() {
        return Optional.ofNullable(brokenAt);
    }

    /** Whether it ever broke, even if it was renegotiated afterwards: the kept rate counts it once as broken. */
    public boolean everBroken() {
        return brokenAt != null;
    }

    public Optional<String> resolution() {
        return Optional.ofNullable(resolution);
    }

    /** Whether it belongs on the broken list: broken and nobody has said yet what happened next. */
    public boolean needsFollowUp() {
        return state == PromiseState.BROKEN && resolution == null;
    }

    public List<PromiseChange> history() {
        return List.copyOf(history);
    }
}
