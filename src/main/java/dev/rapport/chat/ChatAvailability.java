package dev.rapport.chat;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who takes chats now: agents set themselves online or away, each with a cap on chats at once. A team is online for
 * chat while one of its active agents is; new chats go to the available agent with the fewest open chats.
 */
@Service
@Transactional
public class ChatAvailability {

    /** An agent's chat state: online or away, their cap, and how many chats they have open now. */
    public record State(Agent.AgentId agent, boolean online, int cap, int openChats) {

        public boolean hasRoom() {
            return online && openChats < cap;
        }
    }

    private final JdbcClient jdbc;
    private final Roster roster;
    private final Desk desk;
    private final Visitors visitors;
    private final ChatSettings settings;
    private final Clock clock;

    ChatAvailability(JdbcClient jdbc, Roster roster, Desk desk, Visitors visitors, ChatSettings settings,
                     Clock clock) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.desk = desk;
        this.visitors = visitors;
        this.settings = settings;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException for a cap outside 1–20 */
    public void set(Agent.AgentId agent, boolean online, int cap) {
        if (cap < 1 || cap > 20) {
            throw new IllegalArgumentException("Take between 1 and 20 chats at once.");
        }
        int changed = jdbc.sql("update chat_availability set online = ?, chat_cap = ?, changed_at = ? where agent = ?")
                .param(online).param(cap).param(Timestamp.from(clock.instant())).param(agent.value()).update();
        if (changed == 0) {
            jdbc.sql("insert into chat_availability (agent, online, chat_cap, changed_at) values (?, ?, ?, ?)")
                    .param(agent.value()).param(online).param(cap).param(Timestamp.from(clock.instant())).update();
        }
    }

    @Transactional(readOnly = true)
    public State of(Agent.AgentId agent) {
        return jdbc.sql("select online, chat_cap from chat_availability where agent = ?").param(agent.value())
                .query((rs, row) -> new State(agent, rs.getBoolean("online"), rs.getInt("chat_cap"), 0))
                .optional()
                .map(state -> new State(agent, state.online(), state.cap(), openChats(agent)))
                .orElse(new State(agent, false, settings.defaultChatCap(), openChats(agent)));
    }

    /** True while an active agent of the team (any team, for a widget without one) is online. */
    @Transactional(readOnly = true)
    public boolean anyoneOnline(Optional<Team.TeamId> team) {
        return !candidates(team).isEmpty();
    }

    /** The online agent of the team with room for another chat and the fewest open chats, if any. */
    @Transactional(readOnly = true)
    public Optional<State> pick(Optional<Team.TeamId> team) {
        return candidates(team).stream().map(agent -> of(agent.id())).filter(State::hasRoom)
                .min(Comparator.comparingInt(State::openChats));
    }

    private List<Agent> candidates(Optional<Team.TeamId> team) {
        List<UUID> online = jdbc.sql("select agent from chat_availability where online = true")
                .query(UUID.class).list();
        return online.stream().map(id -> roster.findAgent(new Agent.AgentId(id)).orElse(null))
                .filter(Objects::nonNull).filter(Agent::isActive).filter(agent -> agent.role() != Role.TEAMMATE)
                .filter(agent -> team.isEmpty() || agent.teams().contains(team.get())).toList();
    }

    private int openChats(Agent.AgentId agent) {
        return (int) visitors.inConversationSince(clock.instant().minus(Duration.ofDays(2))).stream()
                .map(Visitor::conversation).distinct()
                .map(id -> desk.find(new Conversation.ConversationId(id)).orElse(null))
                .filter(Objects::nonNull).filter(Conversation::isOpen)
                .filter(conversation -> conversation.assignee().filter(agent::equals).isPresent())
                .count();
    }
}
