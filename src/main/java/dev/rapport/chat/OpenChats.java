package dev.rapport.chat;

import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.OpenConversation;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The chats that are still open and whose visitor was here in the last two days: what agents' chat caps count and
 * what the quiet-chat check looks at. Two queries however many chats there are, instead of one conversation at a time.
 */
@Component
class OpenChats {

    private static final Duration RECENT = Duration.ofDays(2);

    private final Desk desk;
    private final Visitors visitors;
    private final Clock clock;

    OpenChats(Desk desk, Visitors visitors, Clock clock) {
        this.desk = desk;
        this.visitors = visitors;
        this.clock = clock;
    }

    List<OpenConversation> now() {
        Set<UUID> recent = visitors.conversationsSeenSince(clock.instant().minus(RECENT));
        return desk.openOn(Channel.CHAT).stream().filter(chat -> recent.contains(chat.id().value())).toList();
    }
}
