package dev.rapport.agents;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per email address and per client address and locks them for a while once they pass the
 * limit, so that passwords cannot be guessed at speed. Kept in memory: a restart forgets the counts, which costs an
 * attacker a restart per five guesses.
 */
@Component
class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Failures(Instant since, int count) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final AgentSettings.SignIn settings;
    private final Clock clock;

    SignInThrottle(AgentSettings settings, Clock clock) {
        this.settings = settings.signIn();
        this.clock = clock;
    }

    /** How long the caller must still wait before trying again, if it is locked. */
    Optional<Duration> lockedFor(String email, String client) {
        Instant now = clock.instant();
        return remaining(emailKey(email), settings.maxFailures(), now)
                .or(() -> remaining(clientKey(client), settings.maxFailuresPerClient(), now));
    }

    void failed(String email, String client) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> expired(f, now));
        }
        failures.merge(emailKey(email), new Failures(now, 1), (old, one) -> expired(old, now) ? one
                : new Failures(old.since(), old.count() + 1));
        failures.merge(clientKey(client), new Failures(now, 1), (old, one) -> expired(old, now) ? one
                : new Failures(old.since(), old.count() + 1));
    }

    void succeeded(String email) {
        failures.remove(emailKey(email));
    }

    private Optional<Duration> remaining(String key, int max, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < max || expired(f, now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.since().plus(settings.lockout())));
    }

    private boolean expired(Failures f, Instant now) {
        return !now.isBefore(f.since().plus(settings.lockout()));
    }

    private static String emailKey(String email) {
        return "email:" + (email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "client:" + (client == null ? "" : client);
    }
}
