package dev.rapport.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock Rapport reads time from. It follows the system clock until a test freezes or moves it, so that
 * time-based behaviour (promises falling due, SLAs, sign-in lockouts) is tested without waiting.
 */
public final class ControllableClock extends Clock {

    private final AtomicReference<Instant> frozenAt = new AtomicReference<>();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Clock system;

    private ControllableClock(Clock system) {
        this.system = system;
    }

    public static ControllableClock system() {
        return new ControllableClock(Clock.systemUTC());
    }

    /** Stops time at the given instant until {@link #resume()} is called. */
    public void freezeAt(Instant instant) {
        frozenAt.set(instant);
    }

    /** Moves time forward (or back, with a negative duration), frozen or not. */
    public void advance(Duration duration) {
        Instant frozen = frozenAt.get();
        if (frozen != null) {
            frozenAt.set(frozen.plus(duration));
        } else {
            offset.accumulateAndGet(duration, Duration::plus);
        }
    }

    /** Goes back to following the system clock. */
    public void resume() {
        frozenAt.set(null);
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt.get();
        return frozen != null ? frozen : system.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
