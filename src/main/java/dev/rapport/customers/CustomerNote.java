package dev.rapport.customers;

import dev.rapport.agents.Agent;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.UUID;

/** What an agent learned about the customer as a person; pinned notes show on the card. */
public record CustomerNote(@Id UUID id, String body, UUID author, String authorName, boolean pinned,
                           Instant createdAt, Instant editedAt) {

    static CustomerNote of(String body, boolean pinned, Agent.AgentId author, String authorName, Instant now) {
        return new CustomerNote(UUID.randomUUID(), requireBody(body), author == null ? null : author.value(),
                authorName, pinned, now, null);
    }

    CustomerNote edited(String newBody, boolean newPinned, Instant now) {
        boolean wordsChanged = !newBody.strip().equals(body);
        return new CustomerNote(id, requireBody(newBody), author, authorName, newPinned, createdAt,
                wordsChanged ? now : editedAt);
    }

    public boolean isBy(Agent.AgentId agent) {
        return agent != null && agent.value().equals(author);
    }

    private static String requireBody(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The note is empty.");
        }
        if (body.strip().length() > 5000) {
            throw new IllegalArgumentException("Notes are 5,000 characters at most.");
        }
        return body.strip();
    }
}
