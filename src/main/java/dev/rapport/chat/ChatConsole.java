package dev.rapport.chat;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * What agents do in a chat beyond replying: show the visitor that they are typing, say they have read the visitor's
 * lines, and transfer the chat to another agent or team with a note; the visitor is told who helps them now.
 */
@Service
public class ChatConsole {

    private final Desk desk;
    private final Roster roster;
    private final Visitors visitors;
    private final ChatLines lines;
    private final ChatFanOut fanOut;
    private final Clock clock;

    ChatConsole(Desk desk, Roster roster, Visitors visitors, ChatLines lines, ChatFanOut fanOut, Clock clock) {
        this.desk = desk;
        this.roster = roster;
        this.visitors = visitors;
        this.lines = lines;
        this.fanOut = fanOut;
        this.clock = clock;
    }

    public void typing(Conversation conversation, SignedInAgent agent, boolean on) {
        for (Visitor visitor : visitors.ofConversation(conversation.id().value())) {
            fanOut.publish(ChatFanOut.visitor(visitor.id()), ChatJson.event("typing", "on", on, "name", agent.name()));
        }
    }

    /** The agent has the conversation open: the visitor's lines up to now count as read. */
    public void seen(Conversation conversation) {
        lines.last(conversation.id().value()).ifPresent(last -> {
            for (Visitor visitor : visitors.ofConversation(conversation.id().value())) {
                fanOut.publish(ChatFanOut.visitor(visitor.id()), ChatJson.event("read", "seq", last.seq()));
            }
        });
    }

    /**
     * Hands the chat to another agent (or, without one, to a team's inbox) with a note for them; the visitor reads who
     * is helping now.
     *
     * @throws IllegalArgumentException without an agent or team, or for an unknown one
     */
    @Transactional
    public void transfer(Conversation conversation, SignedInAgent by, Agent.AgentId toAgent, Team.TeamId toTeam,
                         String note) {
        if (toAgent == null && toTeam == null) {
            throw new IllegalArgumentException("Choose an agent or a team to hand the chat to.");
        }
        String who;
        if (toAgent != null) {
            Agent agent = roster.findAgent(toAgent).filter(Agent::isActive)
                    .orElseThrow(() -> new IllegalArgumentException("No such active agent."));
            who = agent.name();
        } else {
            who = roster.findTeam(toTeam).map(Team::name)
                    .orElseThrow(() -> new IllegalArgumentException("No such team."));
        }
        String text = "Transferred the chat to " + who
                + (note == null || note.isBlank() ? "." : ": " + note.strip());
        desk.note(conversation.id(), by, text);
        if (toTeam != null) {
            desk.moveToTeam(conversation.id(), by, toTeam, null);
        }
        desk.assign(conversation.id(), by, toAgent, null);
        String told = toAgent != null ? who + " is helping you now." : "Someone from " + who + " will help you now.";
        for (Visitor visitor : visitors.ofConversation(conversation.id().value())) {
            ChatLine line = lines.add(visitor.id(), conversation.id().value(), "t-" + UUID.randomUUID(), null,
                    ChatLine.Author.SYSTEM, "Rapport", told, clock.instant());
            String json = ChatJson.write(ChatJson.line(line));
            String helper = ChatJson.event("helper", "name", toAgent != null ? who : null);
            ChatDesk.afterCommit(() -> {
                fanOut.publish(ChatFanOut.visitor(visitor.id()), json);
                fanOut.publish(ChatFanOut.visitor(visitor.id()), helper);
                fanOut.publish(ChatFanOut.conversation(line.conversation()), json);
            });
        }
    }
}
