package dev.rapport.chat;

import java.util.Optional;
import java.util.UUID;

/**
 * Someone chatting on a widget, recognised on their return by a long-lived token (kept here as a hash). The name and
 * email are what they told us, or what the website signed; {@code externalId} is set only for a signed identity.
 */
public record Visitor(UUID id, UUID widget, String name, String email, String externalId, UUID conversation,
                      String page) {

    public Optional<UUID> currentConversation() {
        return Optional.ofNullable(conversation);
    }

    public boolean isVerified() {
        return externalId != null;
    }
}
