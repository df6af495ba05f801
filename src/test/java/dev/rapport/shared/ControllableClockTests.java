package dev.rapport.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ControllableClockTests {

    private final ControllableClock clock = ControllableClock.system();

    @Test
    void followsTheSystemClockUntilFrozen() {
        Instant before = Instant.now();
        Instant read = clock.instant();
        assertThat(read).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void staysWhereItWasFrozenAndMovesOnlyWhenAdvanced() {
        Instant frozen = Instant.parse("2026-03-01T09:00:00Z");
        clock.freezeAt(frozen);
        assertThat(clock.instant()).isEqualTo(frozen);

        clock.advance(Duration.ofHours(26));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
    }

    @Test
    void advancesARunningClockByAnOffset() {
        clock.advance(Duration.ofDays(3));
        assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofDays(3)).minusSeconds(5));

        clock.resume();

        assertThat(clock.instant()).isBefore(Instant.now().plusSeconds(5));
    }
}
