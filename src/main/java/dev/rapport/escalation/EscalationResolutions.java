package dev.rapport.escalation;

import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationChanged;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Learns when escalated conversations are resolved, for the report: solved (or closed) after the escalation marks it
 * resolved at that time; reopened clears it until it is solved again.
 */
@Component
class EscalationResolutions {

    private final Desk desk;
    private final JdbcClient jdbc;

    EscalationResolutions(Desk desk, JdbcClient jdbc) {
        this.desk = desk;
        this.jdbc = jdbc;
    }

    /**
     * Only changes that can solve or reopen a conversation are stored for this listener: not its creation (it has no
     * escalations yet) nor a customer's message (one that reopens it comes again as "reopened"), which are most.
     */
    @ApplicationModuleListener(condition = "#changed.what() != 'created' and #changed.what() != 'message'")
    void on(ConversationChanged changed) {
        boolean escalated = jdbc.sql("select count(*) from escalation where conversation = ?")
                .param(changed.conversation().value()).query(Long.class).single() > 0;
        if (!escalated) {
            return;
        }
        desk.find(changed.conversation()).ifPresent(this::follow);
    }

    private void follow(Conversation conversation) {
        if (conversation.isOpen()) {
            jdbc.sql("update escalation set resolved_at = null where conversation = ? and resolved_at is not null")
                    .param(conversation.id().value()).update();
            return;
        }
        java.time.Instant resolved = conversation.status() == Status.SOLVED && conversation.solvedAt() != null
                ? conversation.solvedAt() : conversation.updatedAt();
        jdbc.sql("update escalation set resolved_at = ? where conversation = ? and resolved_at is null"
                        + " and escalated_at <= ?")
                .params(Timestamp.from(resolved), conversation.id().value(), Timestamp.from(resolved)).update();
    }
}
