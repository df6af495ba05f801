package dev.rapport.customers;

import dev.rapport.agents.Agent;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.UUID;

/** Something the customer cares about ("Hot Wheels, collects since his sons were little"), with who learned it. */
public record Passion(@Id UUID id, String text, UUID learnedBy, String learnedByName, Instant learnedAt) {

    static Passion of(String text, Agent.AgentId by, String byName, Instant now) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Write what they are passionate about.");
        }
        if (text.strip().length() > 300) {
            throw new IllegalArgumentException("Keep it short: 300 characters at most.");
        }
        return new Passion(UUID.randomUUID(), text.strip(), by == null ? null : by.value(), byName, now);
    }
}
