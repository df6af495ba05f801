package dev.rapport.email;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the stored inbound mail back: for a conversation's Email panel, the original view and the raw download. */
@Component
public class InboundEmails {

    /** One stored message as the agent sees it. */
    public record Inbound(UUID id, UUID mailbox, String messageId, String status, String kind, String sender,
                          String subject, String reason, boolean hasHtml, UUID conversation, UUID message,
                          long size, Instant receivedAt) {
        public boolean unreadable() {
            return "UNREADABLE".equals(status);
        }
    }

    private static final String COLUMNS = "id, mailbox_id, message_id, status, kind, sender, subject, reason, "
            + "unsafe_html is not null, conversation_id, message_ref, size_bytes, received_at";

    private final JdbcClient jdbc;
    private final EmailThreads threads;

    InboundEmails(JdbcClient jdbc, EmailThreads threads) {
        this.jdbc = jdbc;
        this.threads = threads;
    }

    public List<Inbound> ofConversation(UUID conversation) {
        return jdbc.sql("select " + COLUMNS + " from inbound_email where conversation_id = ? order by received_at")
                .param(conversation).query(InboundEmails::row).list();
    }

    public Optional<Inbound> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from inbound_email where id = ?").param(id)
                .query(InboundEmails::row).optional();
    }

    public Optional<Inbound> ofMessage(UUID message) {
        return jdbc.sql("select " + COLUMNS + " from inbound_email where message_ref = ?").param(message)
                .query(InboundEmails::row).optional();
    }

    public Optional<byte[]> raw(UUID id) {
        return jdbc.sql("select raw from inbound_email where id = ?").param(id)
                .query((rs, row) -> rs.getBytes(1)).optional();
    }

    /**
     * The message's HTML, sanitised here on the way out: it is stored as the sender wrote it (sanitising every
     * incoming mail's HTML cost more CPU than the rest of its parsing, for a view few mails are ever opened in).
     */
    public Optional<String> html(UUID id) {
        return jdbc.sql("select unsafe_html from inbound_email where id = ?").param(id).query(String.class).optional()
                .map(EmailParser::sanitise);
    }

    /** An inline image (cid:) of a stored message, read from the original. */
    public Optional<ParsedEmail.Part> inlinePart(UUID id, String contentId) {
        return raw(id).flatMap(raw -> {
            try {
                return EmailParser.parse(raw).files().stream()
                        .filter(part -> contentId.equals(part.contentId())).findFirst();
            } catch (EmailParser.UnreadableEmail e) {
                return Optional.empty();
            }
        });
    }

    /** The agent-facing participants of an email conversation: the customer first, then everyone copied. */
    public List<String> participants(UUID conversation) {
        return threads.participants(conversation).stream()
                .map(p -> (p.name() == null ? p.address() : p.name() + " <" + p.address() + ">")
                        + (p.role() == EmailThreads.Role.CC ? " (cc)" : ""))
                .toList();
    }

    /** Whether the conversation came in by email through a mailbox, and which. */
    public Optional<UUID> mailboxOf(UUID conversation) {
        return threads.emailConversation(conversation).map(EmailThreads.EmailConversation::mailbox);
    }

    /** The conversation a stranger's mail answered, which it was linked to instead of joining. */
    public Optional<Long> linkedFrom(UUID conversation) {
        return threads.emailConversation(conversation).map(EmailThreads.EmailConversation::linkedFrom);
    }

    private static Inbound row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Inbound(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                rs.getObject(10, UUID.class), rs.getObject(11, UUID.class), rs.getLong(12),
                rs.getTimestamp(13).toInstant());
    }
}
