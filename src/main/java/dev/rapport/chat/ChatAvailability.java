package dev.rapport.chat;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who takes chats now: agents set themselves online or away, each with a cap on chats at once. A team is online for
 * chat while one of its active agents is; new chats go to the available agent with the fewest open chats. Open chats
 * are counted for all agents at once, with the same few queries however many chats there are.
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
    private final OpenChats openChats;
    private final ChatSettings settings;
    private final Clock clock;

    ChatAvailability(JdbcClient jdbc, Roster roster, OpenChats openChats, ChatSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.openChats = openChats;
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
        int open = openChats(agent, openChatsByAgent());
        return jdbc.sql("select online, chat_cap from chat_availability where agent = ?").param(agent.value())
                .query((rs, row) -> new State(agent, rs.getBoolean("online"), rs.getInt("chat_cap"), open))
                .optional()
                .orElse(new State(agent, false, settings.defaultChatCap(), open));
    }

    /** True while an active agent of the team (any team, for a widget without one) is online. */
    @Transactional(readOnly = true)
    public boolean anyoneOnline(Optional<Team.TeamId> team) {
        return !candidates(team).isEmpty();
    }

    /** The online agent of the team with room for another chat and the fewest open chats, if any. */
    @Transactional(readOnly = true)
    public Optional<State> pick(Optional<Team.TeamId> team) {
        List<Online> candidates = candidates(team);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<Agent.AgentId, Long> open = openChatsByAgent();
        return candidates.stream()
                .map(online -> new State(online.agent().id(), true, online.cap(), openChats(online.agent().id(), open)))
                .filter(State::hasRoom).min(Comparator.comparingInt(State::openChats));
    }

    private record Online(Agent agent, int cap) {
    }

    private List<Online> candidates(Optional<Team.TeamId> team) {
        return jdbc.sql("select agent, chat_cap from chat_availability where online = true")
                .query((rs, row) -> new Online(roster.findAgent(new Agent.AgentId(rs.getObject("agent", UUID.class)))
                        .orElse(null), rs.getInt("chat_cap")))
                .list().stream().filter(online -> online.agent() != null)
                .filter(online -> online.agent().isActive() && online.agent().role() != Role.TEAMMATE)
                .filter(online -> team.isEmpty() || online.agent().teams().contains(team.get())).toList();
    }

    private Map<Agent.AgentId, Long> openChatsByAgent() {
        return openChats.now().stream().flatMap(chat -> chat.assignee().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static int openChats(Agent.AgentId agent, Map<Agent.AgentId, Long> open) {
        return open.getOrDefault(agent, 0L).intValue();
    }
}
