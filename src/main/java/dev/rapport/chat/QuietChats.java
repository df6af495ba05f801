package dev.rapport.chat;

import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A chat whose last word was ours and that stays quiet moves to Waiting on customer after
 * {@code rapport.chat.quiet-after}, and is solved with the closing message, sent by the agent who has it, after
 * {@code rapport.chat.solve-after} more. A chat nobody has answered is never closed this way.
 */
@Component
public class QuietChats {

    private final Desk desk;
    private final Roster roster;
    private final Visitors visitors;
    private final ChatLines lines;
    private final ChatSettings settings;
    private final Clock clock;

    QuietChats(Desk desk, Roster roster, Visitors visitors, ChatLines lines, ChatSettings settings, Clock clock) {
        this.desk = desk;
        this.roster = roster;
        this.visitors = visitors;
        this.lines = lines;
        this.settings = settings;
        this.clock = clock;
    }

    /** Looks at the chats of the last two days; returns how many it moved on. */
    @Scheduled(fixedDelayString = "${rapport.chat.quiet-check-interval:30s}", initialDelay = 30_000)
    public int check() {
        Instant now = clock.instant();
        return (int) visitors.inConversationSince(now.minus(Duration.ofDays(2))).stream().map(Visitor::conversation)
                .distinct().map(id -> desk.find(new Conversation.ConversationId(id)).orElse(null))
                .filter(Objects::nonNull)
                .filter(c -> c.channel() == Channel.CHAT && c.isOpen() && c.assignee().isPresent())
                .filter(c -> moveOn(c, now)).count();
    }

    private boolean moveOn(Conversation conversation, Instant now) {
        ChatLine last = lines.last(conversation.id().value()).orElse(null);
        if (last == null || last.author() == ChatLine.Author.VISITOR) {
            return false;
        }
        Duration quiet = Duration.between(last.createdAt(), now);
        SignedInAgent agent = roster.findAgent(conversation.assignee().get()).map(SignedInAgent::of).orElse(null);
        if (agent == null || quiet.compareTo(settings.quietAfter()) < 0) {
            return false;
        }
        if (quiet.compareTo(settings.quietAfter().plus(settings.solveAfter())) >= 0) {
            desk.reply(conversation.id(), agent, settings.closingMessage(), Status.SOLVED, null);
            return true;
        }
        if (conversation.status() != Status.WAITING_ON_CUSTOMER) {
            desk.changeStatus(conversation.id(), agent, Status.WAITING_ON_CUSTOMER, null);
            return true;
        }
        return false;
    }
}
