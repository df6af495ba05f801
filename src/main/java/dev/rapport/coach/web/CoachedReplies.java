package dev.rapport.coach.web;

import dev.rapport.coach.Analysis;
import dev.rapport.coach.Category;
import dev.rapport.coach.Coach;
import dev.rapport.coach.Kind;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NotePosted;
import dev.rapport.conversations.ReplyPosted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads every reply and note once more as it is sent and keeps the categories the coach found, so agents and leads can see
 * how often each kind of slip happens per 100 replies. The text itself is not kept here.
 */
@Component
class CoachedReplies {

    private final Coach coach;
    private final Desk desk;
    private final JdbcClient jdbc;

    CoachedReplies(Coach coach, Desk desk, JdbcClient jdbc) {
        this.coach = coach;
        this.desk = desk;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ReplyPosted posted) {
        tally(posted.conversation(), posted.message(), Kind.REPLY);
    }

    @ApplicationModuleListener
    void on(NotePosted posted) {
        tally(posted.conversation(), posted.message(), Kind.NOTE);
    }

    private void tally(Conversation.ConversationId conversationId, Message.MessageId messageId, Kind kind) {
        Message message = desk.message(messageId).orElse(null);
        if (message == null) {
            return;
        }
        Conversation conversation = desk.find(conversationId).orElse(null);
        Analysis analysis = coach.analyze(message.body(), kind,
                conversation == null ? java.util.Optional.empty() : desk.greetingName(conversation));
        String categories = analysis.categories().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(","));
        UUID id = messageId.value();
        if (jdbc.sql("select count(*) from coach_reply where message = ?").param(id).query(Long.class).single() == 0) {
            jdbc.sql("insert into coach_reply (message, agent, categories, sent_at, kind) values (?, ?, ?, ?, ?)")
                    .params(id, message.authorAgent().map(agent -> agent.value()).orElse(null), categories,
                            OffsetDateTime.ofInstant(message.createdAt(), ZoneOffset.UTC), kind.name())
                    .update();
        }
    }

    /** Replies (or notes) sent in [from, to) by one agent, or by everyone when {@code agent} is null, per category. */
    Tally tally(Kind kind, UUID agent, Instant from, Instant to) {
        Map<Category, Long> found = new EnumMap<>(Category.class);
        long[] replies = {0};
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        jdbc.sql("select categories from coach_reply where kind = ? and sent_at >= ? and sent_at < ?"
                        + (agent == null ? "" : " and agent = ?"))
                .params(agent == null ? new Object[]{kind.name(), start, end}
                        : new Object[]{kind.name(), start, end, agent})
                .query((rs, i) -> rs.getString(1)).list().forEach(categories -> {
                    replies[0]++;
                    for (String category : categories.split(",")) {
                        if (!category.isBlank()) {
                            found.merge(Category.valueOf(category), 1L, Long::sum);
                        }
                    }
                });
        return new Tally(replies[0], found);
    }

    /** How many replies, and in how many of them the coach found each category. */
    record Tally(long replies, Map<Category, Long> found) {
        /** Replies with this category per 100 replies, one decimal. */
        public String per100(Category category) {
            if (replies == 0) {
                return "—";
            }
            return String.format(java.util.Locale.ROOT, "%.1f", found.getOrDefault(category, 0L) * 100.0 / replies);
        }
    }
}
