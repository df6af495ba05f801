package dev.rapport.promises;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How the promises of one agent, team, week or the whole business ended. Each promise is in exactly one of kept,
 * broken, cancelled or still open: broken means it ever broke, even if a new date was agreed and met afterwards.
 *
 * @param awaitingWord broken promises still waiting for someone to say what happened next
 * @param late         broken promises whose work was done after its deadline
 * @param lateSeconds  how late that work was, in seconds, added up
 */
public record PromiseTally(long kept, long broken, long cancelled, long open, long awaitingWord, long late,
                           double lateSeconds) {

    public static final PromiseTally NONE = new PromiseTally(0, 0, 0, 0, 0, 0, 0);

    public PromiseTally plus(PromiseTally other) {
        return new PromiseTally(kept + other.kept, broken + other.broken, cancelled + other.cancelled,
                open + other.open, awaitingWord + other.awaitingWord, late + other.late,
                lateSeconds + other.lateSeconds);
    }

    /** Kept and broken: the promises whose outcome counts in the kept rate. */
    public long due() {
        return kept + broken;
    }

    public long total() {
        return kept + broken + cancelled + open;
    }

    /** kept / (kept + broken), between 0 and 1; empty when no promise was kept or broken. */
    public OptionalDouble keptRate() {
        return due() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) kept / due());
    }

    /** How late the work of broken promises was on average, over those done late; empty when none was. */
    public Optional<Duration> averageLateness() {
        return late == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.round(lateSeconds / late)));
    }
}
