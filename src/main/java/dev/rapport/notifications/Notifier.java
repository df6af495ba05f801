package dev.rapport.notifications;

import dev.rapport.agents.Agent;
import dev.rapport.conversations.AgentMentioned;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.MessageReceived;
import org.springframework.data.domain.Limit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** Writes agents' notifications from what happens in conversations, and lets them read and clear them. */
@Service
public class Notifier {

    private final Notifications notifications;
    private final Desk desk;
    private final Clock clock;

    Notifier(Notifications notifications, Desk desk, Clock clock) {
        this.notifications = notifications;
        this.desk = desk;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AgentMentioned mentioned) {
        notifications.save(Notification.of(mentioned.agent(), mentioned.number(),
                mentioned.byName() + " mentioned you in #" + mentioned.number() + ": " + mentioned.excerpt(),
                clock.instant()));
    }

    @ApplicationModuleListener
    void on(MessageReceived received) {
        Conversation conversation = desk.find(received.conversation()).orElse(null);
        if (conversation == null || conversation.followers().isEmpty()) {
            return;
        }
        String from = desk.message(received.message()).map(Message::authorName).orElse("The customer");
        for (Agent.AgentId follower : conversation.followers()) {
            notifications.save(Notification.of(follower, received.number(),
                    from + " wrote in #" + received.number() + " " + conversation.subject(), clock.instant()));
        }
    }

    @Transactional(readOnly = true)
    public List<Notification> latest(Agent.AgentId agent) {
        return notifications.findByAgentOrderByCreatedAtDesc(agent.value(), Limit.of(50));
    }

    @Transactional(readOnly = true)
    public long unread(Agent.AgentId agent) {
        return notifications.countByAgentAndReadAtIsNull(agent.value());
    }

    @Transactional
    public void markAllRead(Agent.AgentId agent) {
        List<Notification> unread = notifications.findByAgentAndReadAtIsNull(agent.value());
        unread.forEach(notification -> notification.read(clock.instant()));
        notifications.saveAll(unread);
    }
}
