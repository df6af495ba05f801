package dev.rapport.webform;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Limits how many contact-form submissions one network address makes per window. In memory, per node. */
@Component
public class SubmissionLimiter {

    private record Window(Instant start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final WebFormSettings settings;
    private final Clock clock;

    SubmissionLimiter(WebFormSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts a submission; false when the client is over its limit. */
    public boolean allows(String client) {
        Instant now = clock.instant();
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(settings.window())));
        }
        Window window = windows.compute(client, (key, old) -> old == null || !now.isBefore(old.start().plus(settings.window()))
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        return window.count() <= settings.maxSubmissionsPerClient();
    }
}
