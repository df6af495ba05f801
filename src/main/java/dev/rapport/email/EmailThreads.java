package dev.rapport.email;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

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

    private final JdbcClient jdbc;
    private final Clock clock;

    EmailThreads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The conversation the newest of these Message-IDs belongs to. */
    Optional<UUID> conversationOf(List<String> messageIds) {
        for (String id : messageIds) {
            Optional<UUID> found = jdbc.sql("select conversation_id from email_thread where message_id = ?")
                    .param(id).query(UUID.class).optional();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    Optional<UUID> conversationOfThreadIndex(String root) {
        return jdbc.sql("select conversation_id from email_conversation where thread_index = ?").param(root)
                .query(UUID.class).list().stream().findFirst();
    }

    void remember(String messageId, UUID conversation, boolean outbound) {
        if (messageId == null || messageId.length() > 998) {
            return;
        }
        int known = jdbc.sql("select count(*) from email_thread where message_id = ?").param(messageId)
                .query(Integer.class).single();
        if (known == 0) {
            jdbc.sql("insert into email_thread (message_id, conversation_id, outbound, created_at) values (?, ?, ?, ?)")
                    .params(messageId, conversation, outbound, java.sql.Timestamp.from(clock.instant())).update();
        }
    }

    boolean isOurOutbound(String messageId) {
        return messageId != null && jdbc.sql("select count(*) from email_thread where message_id = ? and outbound")
                .param(messageId).query(Integer.class).single() > 0;
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

    void join(UUID conversation, String address, String name, Role role) {
        String normalised = address.toLowerCase(Locale.ROOT);
        int known = jdbc.sql("select count(*) from email_participant where conversation_id = ? and address = ?")
                .params(conversation, normalised).query(Integer.class).single();
        if (known == 0) {
            jdbc.sql("insert into email_participant (conversation_id, address, name, role) values (?, ?, ?, ?)")
                    .params(conversation, normalised, name == null ? null : clip(name, 200), role.name()).update();
        }
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
