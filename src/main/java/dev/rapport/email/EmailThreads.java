package dev.rapport.email;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which conversation each Message-ID belongs to, the mailbox and Outlook thread of each email conversation, and who
 * takes part in it (the customer and everyone copied). Threading asks here; nothing else decides membership.
 */
@Component
class EmailThreads {

    enum Role { CUSTOMER, CC }

    record EmailConversation(UUID conversation, UUID mailbox, String threadIndex, Long linkedFrom) {
    }

    record Participant(String address, String name, Role role) {
    }

    private static final int LOOK_UP_CHUNK = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    EmailThreads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What the thread table knows about an arriving mail: whether its own Message-ID is one we sent (our mail came
     * back), and the conversation the newest of its references belongs to.
     */
    record Known(boolean ourOutbound, Optional<UUID> answers) {
    }

    /** One look-up (per 50 references) for the mail's own Message-ID and the ones it refers to, newest first. */
    Known lookUp(String messageId, List<String> references) {
        boolean ourOutbound = false;
        Optional<UUID> answers = Optional.empty();
        List<String> ids = new ArrayList<>();
        if (messageId != null) {
            ids.add(messageId);
        }
        ids.addAll(references);
        for (int from = 0; from < ids.size() && answers.isEmpty(); from += LOOK_UP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOK_UP_CHUNK));
            record Row(String messageId, UUID conversation, boolean outbound) {
            }
            Map<String, Row> found = jdbc.sql("select message_id, conversation_id, outbound from email_thread "
                            + "where message_id in (:ids)").param("ids", chunk)
                    .query((rs, row) -> new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getBoolean(3)))
                    .list().stream().collect(Collectors.toMap(Row::messageId, row -> row, (a, b) -> a));
            if (from == 0 && messageId != null) {
                ourOutbound = found.containsKey(messageId) && found.get(messageId).outbound();
            }
            answers = chunk.stream().skip(from == 0 && messageId != null ? 1 : 0).map(found::get)
                    .filter(java.util.Objects::nonNull).map(Row::conversation).findFirst();
        }
        return new Known(ourOutbound, answers);
    }

    Optional<UUID> conversationOfThreadIndex(String root) {
        return jdbc.sql("select conversation_id from email_conversation where thread_index = ?").param(root)
                .query(UUID.class).list().stream().findFirst();
    }

    /** Keeps which conversation a Message-ID belongs to; the first conversation to name it keeps it. */
    void remember(String messageId, UUID conversation, boolean outbound) {
        if (messageId == null || messageId.length() > 998) {
            return;
        }
        jdbc.sql("insert into email_thread (message_id, conversation_id, outbound, created_at) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(messageId, conversation, outbound, java.sql.Timestamp.from(clock.instant())).update();
    }

    /** The Message-IDs of a conversation, oldest first (for References). */
    List<String> messageIds(UUID conversation) {
        return jdbc.sql("select message_id from email_thread where conversation_id = ? order by created_at, message_id")
                .param(conversation).query(String.class).list();
    }

    /** The newest Message-ID the customer side sent (for In-Reply-To). */
    Optional<String> latestInbound(UUID conversation) {
        return jdbc.sql("select message_id from email_thread where conversation_id = ? and not outbound "
                        + "order by created_at desc, message_id desc limit 1")
                .param(conversation).query(String.class).optional();
    }

    void open(UUID conversation, UUID mailbox, String threadIndex, Long linkedFrom) {
        jdbc.sql("insert into email_conversation (conversation_id, mailbox_id, thread_index, linked_from) "
                        + "values (?, ?, ?, ?)")
                .params(conversation, mailbox, threadIndex, linkedFrom).update();
    }

    Optional<EmailConversation> emailConversation(UUID conversation) {
        return jdbc.sql("select conversation_id, mailbox_id, thread_index, linked_from from email_conversation "
                        + "where conversation_id = ?")
                .param(conversation)
                .query((rs, row) -> new EmailConversation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4) == null ? null : rs.getLong(4)))
                .optional();
    }

    /** Adds someone to the conversation's participants; someone already there keeps their name and role. */
    void join(UUID conversation, String address, String name, Role role) {
        jdbc.sql("insert into email_participant (conversation_id, address, name, role) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(conversation, address.toLowerCase(Locale.ROOT), name == null ? null : clip(name, 200),
                        role.name()).update();
    }

    List<Participant> participants(UUID conversation) {
        return jdbc.sql("select address, name, role from email_participant where conversation_id = ? "
                        + "order by role desc, address")
                .param(conversation)
                .query((rs, row) -> new Participant(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .list();
    }

    boolean takesPart(UUID conversation, String address) {
        return jdbc.sql("select count(*) from email_participant where conversation_id = ? and address = ?")
                .params(conversation, address.toLowerCase(Locale.ROOT)).query(Integer.class).single() > 0;
    }

    private static String clip(String value, int length) {
        return value.length() > length ? value.substring(0, length) : value;
    }
}
