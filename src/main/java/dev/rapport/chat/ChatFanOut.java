package dev.rapport.chat;

import java.util.function.Consumer;

/**
 * The one seam live chat events travel through: to a visitor's open connections ({@code visitor:<id>}) and to the
 * agents' chat panels of a conversation ({@code conversation:<id>}). In process on one node today; a later
 * implementation relays them between nodes (PostgreSQL LISTEN/NOTIFY or similar) without touching the rest.
 */
public interface ChatFanOut {

    /** Delivers a JSON event to every subscriber of the topic, on any node. Never throws. */
    void publish(String topic, String json);

    /** Subscribes until the returned handle is closed. */
    AutoCloseable subscribe(String topic, Consumer<String> listener);

    static String visitor(java.util.UUID visitor) {
        return "visitor:" + visitor;
    }

    static String conversation(java.util.UUID conversation) {
        return "conversation:" + conversation;
    }
}
