package dev.rapport.promises.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.promises.Promise;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Renders promises for the API, looking up the conversation's number and the names of the people and teams. */
@Component
class PromiseJsons {

    private final Desk desk;
    private final Roster roster;

    PromiseJsons(Desk desk, Roster roster) {
        this.desk = desk;
        this.roster = roster;
    }

    PromiseJson of(Promise promise) {
        return new PromiseJson(promise.id(), promise.conversation().orElse(null),
                promise.conversation().flatMap(id -> desk.find(new Conversation.ConversationId(id)))
                        .map(Conversation::number).orElse(null),
                promise.customer().orElse(null), promise.what(), owner(promise),
                promise.contactBy().map(id -> new PromiseJson.Person(id, agentName(id))).orElse(null),
                promise.madeBy(), promise.madeAt(), promise.state(), promise.dueAt(), promise.contactAt(),
                promise.doneAt().orElse(null), promise.contactedAt().orElse(null),
                promise.brokenAt().orElse(null), promise.resolution().orElse(null), promise.everBroken(),
                promise.history().stream().map(change -> new PromiseJson.Change(change.state(), change.at(),
                        change.byName(), change.note())).toList(), List.of());
    }

    private PromiseJson.Owner owner(Promise promise) {
        if (promise.owner().isPresent()) {
            UUID agent = promise.owner().get();
            return new PromiseJson.Owner(agent, agentName(agent), "agent");
        }
        return promise.ownerTeam().map(team -> new PromiseJson.Owner(team, roster.findTeam(new Team.TeamId(team))
                .map(Team::name).orElse(null), "team")).orElse(null);
    }

    private String agentName(UUID id) {
        return roster.findAgent(new Agent.AgentId(id)).map(Agent::name).orElse(null);
    }
}
