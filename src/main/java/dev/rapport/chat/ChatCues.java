package dev.rapport.chat;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cues that make an agent look up: a new chat arrived, or the visitor wrote in a chat the agent has. Published on
 * one fan-out topic after the line is stored; each agent's page stream keeps the ones meant for them ({@link #isFor}).
 */
public final class ChatCues {

    /** The fan-out topic every agent's cue stream listens to. */
    public static final String TOPIC = "chat-cues";

    private ChatCues() {
    }

    static String newChat(Conversation conversation, String visitorName, String text) {
        return cue("new-chat", conversation, visitorName, text);
    }

    static String visitorWrote(Conversation conversation, String visitorName, String text) {
        return cue("visitor-wrote", conversation, visitorName, text);
    }

    private static String cue(String type, Conversation conversation, String visitorName, String text) {
        Map<String, Object> cue = new LinkedHashMap<>();
        cue.put("type", type);
        cue.put("number", conversation.number());
        cue.put("team", conversation.team().map(team -> team.value().toString()).orElse(null));
        cue.put("assignee", conversation.assignee().map(agent -> agent.value().toString()).orElse(null));
        cue.put("name", visitorName);
        cue.put("text", text.length() > 140 ? text.substring(0, 139) + "…" : text);
        return ChatJson.write(cue);
    }

    /**
     * Whether an agent should hear a cue: a chat the agent has always; a new chat nobody has yet when the agent is
     * online for chat and in its team (or it has none). Teammates of other departments never get new chats.
     */
    public static boolean isFor(Map<String, Object> cue, Agent.AgentId agent, Set<Team.TeamId> teams,
                                boolean takesNewChats) {
        String assignee = (String) cue.get("assignee");
        if (assignee != null) {
            return assignee.equals(agent.value().toString());
        }
        if (!"new-chat".equals(cue.get("type")) || !takesNewChats) {
            return false;
        }
        Optional<String> team = Optional.ofNullable((String) cue.get("team"));
        return team.isEmpty() || teams.stream().anyMatch(t -> t.value().toString().equals(team.get()));
    }
}
