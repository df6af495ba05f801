package dev.rapport.notifications;

import dev.rapport.agents.Agent;
import dev.rapport.authority.ApprovalDecided;
import dev.rapport.authority.ApprovalRequested;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Approvals in the bell: a request filed goes to everyone it was routed to; a decision goes back to whoever asked,
 * who now tells the customer.
 */
@Component
class ApprovalNotifier {

    private final Notifications notifications;
    private final Desk desk;
    private final Clock clock;

    ApprovalNotifier(Notifications notifications, Desk desk, Clock clock) {
        this.notifications = notifications;
        this.desk = desk;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ApprovalRequested requested) {
        Long number = numberOf(requested.conversation());
        String text = requested.requesterName() + " asks you to approve " + requested.what()
                + (number == null ? "" : " on #" + number) + ". It is on Approvals.";
        for (UUID approver : requested.approvers()) {
            notifications.save(Notification.of(new Agent.AgentId(approver), number, text, clock.instant()));
        }
    }

    @ApplicationModuleListener
    void on(ApprovalDecided decided) {
        Long number = numberOf(decided.conversation());
        String text = decided.deciderName() + (decided.approved() ? " approved " : " declined ") + decided.what()
                + (number == null ? "" : " on #" + number)
                + (decided.note() == null ? "" : ": " + decided.note())
                + ". Tell the customer: it is on your promises.";
        notifications.save(Notification.of(new Agent.AgentId(decided.requester()), number, text, clock.instant()));
    }

    private Long numberOf(UUID conversation) {
        return desk.find(new Conversation.ConversationId(conversation)).map(Conversation::number).orElse(null);
    }
}
