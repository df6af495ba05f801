package dev.rapport.escalation;

import java.util.Optional;
import java.util.UUID;

/** Whom a conversation is escalated to or a question asked of: one person or one team, never both. */
public record Specialist(UUID agent, UUID team) {

    public Specialist {
        if ((agent == null) == (team == null)) {
            throw new IllegalArgumentException("A specialist is a person or a team.");
        }
    }

    public static Specialist person(UUID agent) {
        return new Specialist(agent, null);
    }

    public static Specialist team(UUID team) {
        return new Specialist(null, team);
    }

    public boolean isPerson() {
        return agent != null;
    }

    /** How a form names it: {@code agent:<id>} or {@code team:<id>}. */
    public String key() {
        return isPerson() ? "agent:" + agent : "team:" + team;
    }

    /** The specialist a form's value names, if it names one in the right shape. */
    public static Optional<Specialist> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            if (key.startsWith("agent:")) {
                return Optional.of(person(UUID.fromString(key.substring(6))));
            }
            if (key.startsWith("team:")) {
                return Optional.of(team(UUID.fromString(key.substring(5))));
            }
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
