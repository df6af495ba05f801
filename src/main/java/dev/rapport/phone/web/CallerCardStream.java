package dev.rapport.phone.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.phone.CallAnswered;
import dev.rapport.phone.CallEnded;
import dev.rapport.phone.CallStarted;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Pushes ringing calls to agents' open pages by server-sent events: every online agent of the routed team hears of a
 * call when it starts; when it is answered or ends, those who saw it (and whoever answered) hear again, and each page
 * asks for the card anew, which shows only on the answering agent's screen from then on. A page opened while a call
 * it was shown rings (the agent moved on to another page) gets the card again. In memory, on this node.
 */
@Component
class CallerCardStream {

    private static final Logger log = LoggerFactory.getLogger(CallerCardStream.class);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<Agent.AgentId, Set<SseEmitter>> online = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Agent.AgentId>> shownTo = new ConcurrentHashMap<>();
    private final Roster roster;

    CallerCardStream(Roster roster) {
        this.roster = roster;
    }

    SseEmitter watch(SignedInAgent agent) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> pages = online.computeIfAbsent(agent.id(), id -> new CopyOnWriteArraySet<>());
        pages.add(emitter);
        Runnable cleanup = () -> pages.remove(emitter);
        emitter.onCompletion(cleanup);
        emitter.onTimeout(cleanup);
        emitter.onError(error -> cleanup.run());
        send(emitter, "hello", "{}");
        shownTo.forEach((call, audience) -> {
            if (audience.contains(agent.id())) {
                send(emitter, "ring", "{\"call\":\"" + call + "\"}");
            }
        });
        return emitter;
    }

    @EventListener
    void on(CallStarted started) {
        afterCommit(() -> {
            Set<Agent.AgentId> audience = ConcurrentHashMap.newKeySet();
            online.keySet().stream().filter(agent -> onTeam(agent, started.team())).forEach(audience::add);
            shownTo.put(started.call().value(), audience);
            audience.forEach(agent -> push(agent, "ring", started.call().value()));
        });
    }

    @EventListener
    void on(CallAnswered answered) {
        afterCommit(() -> {
            Set<Agent.AgentId> audience = shownTo.computeIfAbsent(answered.call().value(),
                    id -> ConcurrentHashMap.newKeySet());
            if (answered.agent() != null) {
                audience.add(answered.agent());
            }
            audience.forEach(agent -> push(agent, "answered", answered.call().value()));
        });
    }

    @EventListener
    void on(CallEnded ended) {
        afterCommit(() -> {
            Set<Agent.AgentId> audience = shownTo.remove(ended.call().value());
            if (audience != null) {
                audience.forEach(agent -> push(agent, "ended", ended.call().value()));
            }
        });
    }

    private boolean onTeam(Agent.AgentId agent, Team.TeamId team) {
        return team == null || roster.findAgent(agent).map(a -> a.teams().contains(team)).orElse(false);
    }

    private void push(Agent.AgentId agent, String event, UUID call) {
        online.getOrDefault(agent, Set.of()).forEach(emitter -> send(emitter, event, "{\"call\":\"" + call + "\"}"));
    }

    /** Pushes once the call's transaction has committed, so the page that asks for the card finds it. */
    private static void afterCommit(Runnable push) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    push.run();
                }
            });
        } else {
            push.run();
        }
    }

    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        online.values().forEach(pages -> pages.forEach(emitter -> send(emitter, "ping", "{}")));
        if (shownTo.size() > 10_000) {
            shownTo.clear();
        }
    }

    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        online.values().forEach(pages -> pages.forEach(SseEmitter::complete));
    }

    private static void send(SseEmitter emitter, String event, String data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | RuntimeException e) {
            log.debug("Caller card push failed: {}", e.getMessage());
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException alreadyEnded) {
                log.debug("Caller card stream had already ended: {}", alreadyEnded.getMessage());
            }
        }
    }
}
