package dev.rapport.conversations.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.ConversationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Live updates by server-sent events: inbox pages learn that conversations changed, conversation pages learn who else
 * is viewing or drafting and when the customer writes again. Kept in memory on this node; fanning out between nodes
 * arrives with the scale-out work.
 */
@Component
class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** One open page of one agent. */
    record Watcher(SseEmitter emitter, String agentId, String name) {
    }

    record Present(String agentId, String name, boolean drafting) {
    }

    private final Set<Watcher> inboxWatchers = new CopyOnWriteArraySet<>();
    private final Map<Long, Set<Watcher>> conversationWatchers = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> drafting = new ConcurrentHashMap<>();

    SseEmitter watchInbox(SignedInAgent agent) {
        Watcher watcher = new Watcher(new SseEmitter(TIMEOUT.toMillis()), agent.id().toString(), agent.name());
        inboxWatchers.add(watcher);
        onEnd(watcher, () -> inboxWatchers.remove(watcher));
        send(watcher, "hello", "{}");
        return watcher.emitter();
    }

    SseEmitter watchConversation(long number, SignedInAgent agent) {
        Watcher watcher = new Watcher(new SseEmitter(TIMEOUT.toMillis()), agent.id().toString(), agent.name());
        conversationWatchers.computeIfAbsent(number, n -> new CopyOnWriteArraySet<>()).add(watcher);
        onEnd(watcher, () -> {
            Set<Watcher> watchers = conversationWatchers.getOrDefault(number, Set.of());
            watchers.remove(watcher);
            if (watchers.stream().noneMatch(w -> w.agentId().equals(watcher.agentId()))) {
                drafting.getOrDefault(number, Set.of()).remove(watcher.agentId());
            }
            broadcastPresence(number);
        });
        broadcastPresence(number);
        return watcher.emitter();
    }

    void drafting(long number, SignedInAgent agent, boolean active) {
        Set<String> drafters = drafting.computeIfAbsent(number, n -> ConcurrentHashMap.newKeySet());
        boolean changed = active ? drafters.add(agent.id().toString()) : drafters.remove(agent.id().toString());
        if (changed) {
            broadcastPresence(number);
        }
    }

    /** Who is on the conversation now, each agent once, drafting or only viewing. */
    List<Present> presence(long number) {
        Set<String> drafters = drafting.getOrDefault(number, Set.of());
        Map<String, Present> present = new ConcurrentHashMap<>();
        for (Watcher watcher : conversationWatchers.getOrDefault(number, Set.of())) {
            present.putIfAbsent(watcher.agentId(), new Present(watcher.agentId(), watcher.name(),
                    drafters.contains(watcher.agentId())));
        }
        return new ArrayList<>(present.values());
    }

    /**
     * Pushes a change once its transaction has committed. A plain listener that registers the push itself, rather than
     * a {@code @TransactionalEventListener}: Spring Modulith would store every such event in its publication registry
     * to deliver it again after a crash, which is two database writes per change for a push nobody needs later.
     */
    @EventListener
    void on(ConversationChanged changed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    push(changed);
                }
            });
        } else {
            push(changed);
        }
    }

    private void push(ConversationChanged changed) {
        String data = "{\"number\":" + changed.number() + ",\"what\":\"" + changed.what() + "\"}";
        inboxWatchers.forEach(watcher -> send(watcher, "changed", data));
        conversationWatchers.getOrDefault(changed.number(), Set.of()).forEach(watcher ->
                send(watcher, "message".equals(changed.what()) ? "customer-wrote" : "changed", data));
    }

    /** Ends every stream when the application stops, so that graceful shutdown does not wait for open pages. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        inboxWatchers.forEach(watcher -> watcher.emitter().complete());
        conversationWatchers.values().forEach(watchers -> watchers.forEach(watcher -> watcher.emitter().complete()));
    }

    /** Keeps idle connections open through proxies and finds the ones that died without a goodbye. */
    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        inboxWatchers.forEach(watcher -> send(watcher, "ping", "{}"));
        conversationWatchers.values().forEach(watchers -> watchers.forEach(watcher -> send(watcher, "ping", "{}")));
    }

    private void broadcastPresence(long number) {
        StringBuilder json = new StringBuilder("[");
        for (Present present : presence(number)) {
            json.append(json.length() > 1 ? "," : "").append("{\"agentId\":\"").append(present.agentId())
                    .append("\",\"name\":\"").append(escape(present.name())).append("\",\"drafting\":")
                    .append(present.drafting()).append("}");
        }
        String data = json.append("]").toString();
        conversationWatchers.getOrDefault(number, Set.of()).forEach(watcher -> send(watcher, "presence", data));
    }

    private static void onEnd(Watcher watcher, Runnable cleanup) {
        watcher.emitter().onCompletion(cleanup);
        watcher.emitter().onTimeout(cleanup);
        watcher.emitter().onError(error -> cleanup.run());
    }

    private static void send(Watcher watcher, String event, String data) {
        try {
            watcher.emitter().send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | RuntimeException e) {
            // A page that went away: end its stream. Never let a dead stream fail the request that made the change
            // (pushes run after that request's commit, on its thread).
            log.debug("Live update to {} failed: {}", watcher.name(), e.getMessage());
            try {
                watcher.emitter().completeWithError(e);
            } catch (RuntimeException alreadyEnded) {
                log.debug("Live stream of {} had already ended: {}", watcher.name(), alreadyEnded.getMessage());
            }
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c").replace(">", "\\u003e");
    }
}
