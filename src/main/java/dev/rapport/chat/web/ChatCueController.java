package dev.rapport.chat.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.chat.ChatAvailability;
import dev.rapport.chat.ChatCues;
import dev.rapport.chat.ChatFanOut;
import dev.rapport.chat.ChatJson;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The cue stream on every agent page ({@code GET /chats/cues}): a new chat for the agent (theirs, or their team's
 * while they are online for chat) and a visitor writing in a chat the agent has. The page plays a short sound and
 * shows a card; what each agent hears is decided here, from who they are.
 */
@Controller
class ChatCueController {

    private final ChatFanOut fanOut;
    private final ChatAvailability availability;
    private final Roster roster;
    private final Set<SseEmitter> streams = new CopyOnWriteArraySet<>();

    ChatCueController(ChatFanOut fanOut, ChatAvailability availability, Roster roster) {
        this.fanOut = fanOut;
        this.availability = availability;
        this.roster = roster;
    }

    @GetMapping(path = "/chats/cues", produces = "text/event-stream")
    SseEmitter cues(@AuthenticationPrincipal SignedInAgent me) {
        Agent.AgentId agent = me.id();
        Set<Team.TeamId> teams = roster.findAgent(agent).map(Agent::teams).orElse(Set.of());
        boolean mayTakeChats = me.role() != Role.TEAMMATE;
        return ChatStreams.of(fanOut, ChatCues.TOPIC, streams, json -> {
            Map<String, Object> cue = ChatJson.read(json);
            boolean newChat = "new-chat".equals(cue.get("type")) && cue.get("assignee") == null;
            return ChatCues.isFor(cue, agent, teams, mayTakeChats && (!newChat || availability.of(agent).online()));
        });
    }

    /** Ends every cue stream when the application stops, so that graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.forEach(SseEmitter::complete);
    }
}
