package dev.rapport.promises.web;

import dev.rapport.agents.Roster;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.promises.Promise;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Puts names and conversation numbers to promises, one lookup per agent, team and conversation. */
@Component
class PromiseViews {

    private final Roster roster;
    private final Desk desk;
    private final Clock clock;

    PromiseViews(Roster roster, Desk desk, Clock clock) {
        this.roster = roster;
        this.desk = desk;
        this.clock = clock;
    }

    List<PromiseView> of(List<Promise> promises) {
        Map<UUID, String> agents = new HashMap<>();
        roster.agents().forEach(agent -> agents.put(agent.id().value(), agent.name()));
        Map<UUID, String> teams = new HashMap<>();
        roster.teams().forEach(team -> teams.put(team.id().value(), team.name()));
        Map<UUID, Long> numbers = new HashMap<>();
        Instant now = clock.instant();
        return promises.stream().map(promise -> new PromiseView(promise,
                promise.owner().map(id -> agents.getOrDefault(id, "someone who left"))
                        .orElseGet(() -> promise.ownerTeam().map(id -> teams.getOrDefault(id, "a team") + " team")
                                .orElse("nobody")),
                promise.contactBy().map(id -> agents.getOrDefault(id, "someone who left")).orElse("whoever does it"),
                promise.conversation().map(id -> numbers.computeIfAbsent(id, this::number)).orElse(null),
                promise.state().pending() && (now.isAfter(promise.dueAt()) && promise.doneAt().isEmpty()
                        || now.isAfter(promise.contactAt())))).toList();
    }

    private Long number(UUID conversation) {
        return desk.find(new Conversation.ConversationId(conversation)).map(Conversation::number).orElse(null);
    }

}
