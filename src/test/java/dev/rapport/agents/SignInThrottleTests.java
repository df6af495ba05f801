package dev.rapport.agents;

import dev.rapport.shared.ControllableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

    private final ControllableClock clock = ControllableClock.system();
    private final SignInThrottle throttle = new SignInThrottle(
            new AgentSettings(Duration.ofDays(7), new AgentSettings.SignIn(5, 8, Duration.ofMinutes(15))), clock);

    {
        clock.freezeAt(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void locksAnAddressAfterFiveFailuresUntilTheLockoutEnds() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("maria@example.com", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("maria@example.com", "10.0.0.1")).isEmpty();

        throttle.failed("Maria@Example.com", "10.0.0.1");
        clock.advance(Duration.ofMinutes(5));

        assertThat(throttle.lockedFor("maria@example.com", "10.0.0.2")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.lockedFor("maria@example.com", "10.0.0.2")).isEmpty();
    }

    @Test
    void locksAClientThatGuessesAcrossManyAddresses() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("person" + i + "@example.com", "10.0.0.9");
        }
        assertThat(throttle.lockedFor("someone-else@example.com", "10.0.0.9")).isPresent();
        assertThat(throttle.lockedFor("someone-else@example.com", "10.0.0.10")).isEmpty();
    }

    @Test
    void successForgetsEarlierFailuresOfTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("sam@example.com", "10.0.0.3");
        }
        throttle.succeeded("sam@example.com");
        throttle.failed("sam@example.com", "10.0.0.3");

        assertThat(throttle.lockedFor("sam@example.com", "10.0.0.4")).isEmpty();
    }
}
