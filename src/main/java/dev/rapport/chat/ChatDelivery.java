package dev.rapport.chat;

import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.ReplyPosted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Delivers agents' replies in chat conversations: each becomes a line of the chat, pushed to the visitor's open
 * widget (or fetched when it reconnects), and the reply is marked delivered. Once per reply, however often the event
 * is delivered again.
 */
@Component
class ChatDelivery {

    private final Desk desk;
    private final Visitors visitors;
    private final ChatLines lines;
    private final ChatFanOut fanOut;
    private final Clock clock;

    ChatDelivery(Desk desk, Visitors visitors, ChatLines lines, ChatFanOut fanOut, Clock clock) {
        this.desk = desk;
        this.visitors = visitors;
        this.lines = lines;
        this.fanOut = fanOut;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReplyPosted posted) {
        if (posted.channel() != Channel.CHAT) {
            return;
        }
        Message reply = desk.message(posted.message()).orElseThrow();
        List<Visitor> chatting = visitors.ofConversation(posted.conversation().value());
        if (chatting.isEmpty()) {
            desk.markFailed(reply.id(), "No chat visitor is linked to this conversation.");
            return;
        }
        for (Visitor visitor : chatting) {
            String clientId = "r-" + reply.id().value();
            if (lines.byClientId(visitor.id(), clientId).isPresent()) {
                continue;
            }
            ChatLine line = lines.add(visitor.id(), posted.conversation().value(), clientId, reply.id().value(),
                    ChatLine.Author.AGENT, reply.authorName(), reply.body(), clock.instant());
            String json = ChatJson.write(ChatJson.line(line,
                    desk.attachmentsOf(List.of(reply.id())).getOrDefault(reply.id(), List.of())));
            ChatDesk.afterCommit(() -> {
                fanOut.publish(ChatFanOut.visitor(visitor.id()), json);
                fanOut.publish(ChatFanOut.conversation(line.conversation()), json);
            });
        }
        desk.markDelivered(reply.id());
    }
}
