package dev.rapport.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** {@link ChatFanOut} within this node: topics in a map, listeners called on the publishing thread. */
@Component
class InProcessFanOut implements ChatFanOut {

    private static final Logger log = LoggerFactory.getLogger(InProcessFanOut.class);

    private final Map<String, Set<Consumer<String>>> topics = new ConcurrentHashMap<>();

    @Override
    public void publish(String topic, String json) {
        for (Consumer<String> listener : topics.getOrDefault(topic, Set.of())) {
            try {
                listener.accept(json);
            } catch (RuntimeException e) {
                log.debug("A chat listener of {} failed: {}", topic, e.getMessage());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(String topic, Consumer<String> listener) {
        topics.computeIfAbsent(topic, t -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> topics.computeIfPresent(topic, (t, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }
}
