package dev.rapport.chat;

import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.OpenConversation;
import dev.rapport.conversations.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A chat whose last word was ours and that stays quiet moves to Waiting on customer after
 * {@code rapport.chat.quiet-after}, and is solved with the closing message, sent by the agent who has it, after
 * {@code rapport.chat.solve-after} more. A chat nobody has answered is never closed this way. A check reads every
 * open chat with a handful of queries, so it costs the same with ten chats as with thousands.
 */
@Component
public class QuietChats {

    private final Desk desk;
    private final Roster roster;
    private final OpenChats openChats;
    private final ChatLines lines;
    private final ChatSettings settings;
    private final Clock clock;

    QuietChats(Desk desk, Roster roster, OpenChats openChats, ChatLines lines, ChatSettings settings, Clock clock) {
        this.desk = desk;
        this.roster = roster;
        this.openChats = openChats;
        this.lines = lines;
        this.settings = settings;
        this.clock = clock;
    }

    /** Looks at the open chats of the last two days; returns how many it moved on. */
    @Scheduled(fixedDelayString = "${rapport.chat.quiet-check-interval:30s}", initialDelay = 30_000)
    public int check() {
        Instant now = clock.instant();
        List<OpenConversation> assigned = openChats.now().stream().filter(chat -> chat.assignee().isPresent())
                .toList();
        Map<UUID, ChatLine> last = lines.lastOf(assigned.stream().map(chat -> chat.id().value()).toList());
        return (int) assigned.stream().filter(chat -> moveOn(chat, last.get(chat.id().value()), now)).count();
    }

    private boolean moveOn(OpenConversation chat, ChatLine last, Instant now) {
        if (last == null || last.author() == ChatLine.Author.VISITOR) {
            return false;
        }
        Duration quiet = Duration.between(last.createdAt(), now);
        if (quiet.compareTo(settings.quietAfter()) < 0) {
            return false;
        }
        boolean solve = quiet.compareTo(settings.quietAfter().plus(settings.solveAfter())) >= 0;
        if (!solve && chat.status() == Status.WAITING_ON_CUSTOMER) {
            return false;
        }
        SignedInAgent agent = roster.findAgent(chat.assignee().orElseThrow()).map(SignedInAgent::of).orElse(null);
        if (agent == null) {
            return false;
        }
        if (solve) {
            desk.reply(chat.id(), agent, settings.closingMessage(), Status.SOLVED, null);
        } else {
            desk.changeStatus(chat.id(), agent, Status.WAITING_ON_CUSTOMER, null);
        }
        return true;
    }
}
