package dev.rapport.phone;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.shared.EmailAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Agents' phone extensions, and finding the agent a phone system names by id, email address or extension. */
@Component
public class Extensions {

    private final JdbcClient jdbc;
    private final Roster roster;

    Extensions(JdbcClient jdbc, Roster roster) {
        this.jdbc = jdbc;
        this.roster = roster;
    }

    /** The agent behind what the phone system said: their id, email address or extension. */
    Optional<Agent> agent(String said) {
        if (said == null || said.isBlank()) {
            return Optional.empty();
        }
        String value = said.strip();
        try {
            return roster.findAgent(new Agent.AgentId(UUID.fromString(value)));
        } catch (IllegalArgumentException notAnId) {
            // an email address or an extension
        }
        if (EmailAddress.isValid(value)) {
            return roster.findAgentByEmail(EmailAddress.of(value));
        }
        return jdbc.sql("select agent from phone_extension where extension = ?").param(value).query(UUID.class)
                .optional().flatMap(id -> roster.findAgent(new Agent.AgentId(id)));
    }

    /** Every agent's extension, by agent. */
    public Map<Agent.AgentId, String> all() {
        return jdbc.sql("select agent, extension from phone_extension").query((rs, i) -> Map.entry(
                        new Agent.AgentId(rs.getObject(1, UUID.class)), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Gives the agent an extension, or takes it away (blank).
     *
     * @throws IllegalArgumentException when another agent has it, or it is not an extension
     */
    @Transactional
    public void assign(Agent.AgentId agent, String extension) {
        jdbc.sql("delete from phone_extension where agent = ?").param(agent.value()).update();
        if (extension == null || extension.isBlank()) {
            return;
        }
        String value = extension.strip();
        if (!value.matches("[0-9A-Za-z*#+._-]{1,40}")) {
            throw new IllegalArgumentException("An extension is up to 40 digits or letters, e.g. 201.");
        }
        Optional<UUID> holder = jdbc.sql("select agent from phone_extension where extension = ?").param(value)
                .query(UUID.class).optional();
        if (holder.isPresent()) {
            String name = roster.findAgent(new Agent.AgentId(holder.get())).map(Agent::name).orElse("another agent");
            throw new IllegalArgumentException("Extension " + value + " is " + name + "'s.");
        }
        jdbc.sql("insert into phone_extension (agent, extension) values (?, ?)").params(agent.value(), value).update();
    }
}
