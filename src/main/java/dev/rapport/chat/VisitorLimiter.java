package dev.rapport.chat;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-minute limits on what visitors send, by visitor and by network address. In memory, per node. */
@Component
public class VisitorLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private record Window(Instant start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final ChatSettings settings;
    private final Clock clock;

    VisitorLimiter(ChatSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts a request (a connection, a message, a form) from a network address; false when over its limit. */
    public boolean allowsAddress(String address) {
        return count("ip:" + address) <= settings.requestsPerMinutePerIp();
    }

    /** Counts a message from a visitor; false when over their limit. */
    public boolean allowsMessage(java.util.UUID visitor) {
        return count("v:" + visitor) <= settings.messagesPerMinute();
    }

    private int count(String key) {
        Instant now = clock.instant();
        if (windows.size() > 200_000) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(WINDOW)));
        }
        return windows.compute(key, (k, old) -> old == null || !now.isBefore(old.start().plus(WINDOW))
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1)).count();
    }
}
