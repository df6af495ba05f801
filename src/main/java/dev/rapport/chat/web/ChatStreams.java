package dev.rapport.chat.web;

import dev.rapport.chat.ChatFanOut;
import dev.rapport.chat.ChatJson;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

/** Agents' event streams of a fan-out topic: opened with a hello, ended (and unsubscribed) however they end. */
final class ChatStreams {

    private ChatStreams() {
    }

    /**
     * A stream of the topic's events that pass {@code wanted}, kept in {@code open} while it lasts (so that shutdown
     * can end it).
     */
    static SseEmitter of(ChatFanOut fanOut, String topic, Set<SseEmitter> open, Predicate<String> wanted) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        AutoCloseable subscription = fanOut.subscribe(topic, json -> {
            if (wanted.test(json)) {
                send(emitter, json);
            }
        });
        open.add(emitter);
        Runnable end = () -> {
            open.remove(emitter);
            try {
                subscription.close();
            } catch (Exception ignored) {
                // in-process subscriptions close without failing
            }
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        send(emitter, ChatJson.event("hello"));
        return emitter;
    }

    static void send(SseEmitter emitter, String json) {
        try {
            emitter.send(SseEmitter.event().data(json, MediaType.APPLICATION_JSON));
        } catch (IOException | RuntimeException e) {
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException alreadyEnded) {
                // the stream had already ended
            }
        }
    }
}
