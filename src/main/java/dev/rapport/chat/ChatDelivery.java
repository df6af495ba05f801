package dev.rapport.chat;

import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.ReplyPosted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers agents' replies in chat conversations: each becomes a line of the chat, pushed to the visitor's open
 * widget (or fetched when it reconnects), and the reply is marked delivered. Once per reply, however often the event
 * is delivered again.
 * <p>
 * Two paths, one outcome. The fast one runs inside the reply's own transaction (behind a savepoint, so its failure
 * never costs the reply): the line is stored with the reply and pushed the moment they commit, without waiting for the
 * event publication registry and the listeners of every other module. The durable one is the registry's listener: it
 * runs after the commit, finds the reply already delivered and does nothing, or, when the fast path failed, stores
 * and pushes the line itself (and again after a crash, until it has). A line is stored at most once: the durable path
 * stores only what is not there, and (visitor, client id) is unique in the database.
 */
@Component
class ChatDelivery {

    private static final Logger log = LoggerFactory.getLogger(ChatDelivery.class);

    private final Desk desk;
    private final Visitors visitors;
    private final ChatLines lines;
    private final ChatFanOut fanOut;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final Timer inReply;
    private final Timer afterReply;

    ChatDelivery(Desk desk, Visitors visitors, ChatLines lines, ChatFanOut fanOut, Clock clock,
                 PlatformTransactionManager transactions, ObjectProvider<MeterRegistry> meters) {
        this.desk = desk;
        this.visitors = visitors;
        this.lines = lines;
        this.fanOut = fanOut;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.inReply = timer(registry, "reply");
        this.afterReply = timer(registry, "listener");
    }

    private static Timer timer(MeterRegistry registry, String path) {
        return Timer.builder("rapport.chat.reply.pushed")
                .description("From the start of an agent's reply until its chat line is handed to the visitor's "
                        + "connections, by the path that delivered it")
                .tag("path", path).publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    /** The fast path, in the reply's transaction; the push is registered only once its savepoint is released. */
    @EventListener
    void onPosting(ReplyPosted posted) {
        if (posted.channel() != Channel.CHAT || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        try {
            List<Runnable> pushes = savepoint.execute(status -> deliver(posted, inReply));
            pushes.forEach(ChatDesk::afterCommit);
        } catch (RuntimeException e) {
            log.warn("Reply {} goes to its chat after the commit instead: {}", posted.message().value(), e.toString());
        }
    }

    /** The durable path, after the commit; only chat replies are stored for it. */
    @ApplicationModuleListener(condition = "#posted.channel().name() == 'CHAT'")
    void on(ReplyPosted posted) {
        if (posted.channel() != Channel.CHAT) {
            return;
        }
        deliver(posted, afterReply).forEach(ChatDesk::afterCommit);
    }

    /** Stores what is not stored yet and marks the reply; returns the pushes to make once that is committed. */
    private List<Runnable> deliver(ReplyPosted posted, Timer timer) {
        Message reply = desk.message(posted.message()).orElseThrow();
        if (reply.delivery() == Message.Delivery.SENT) {
            return List.of();
        }
        List<Visitor> chatting = visitors.ofConversation(posted.conversation().value());
        if (chatting.isEmpty()) {
            desk.markFailed(reply.id(), "No chat visitor is linked to this conversation.");
            return List.of();
        }
        List<Runnable> pushes = new ArrayList<>();
        for (Visitor visitor : chatting) {
            String clientId = "r-" + reply.id().value();
            if (lines.byClientId(visitor.id(), clientId).isPresent()) {
                continue;
            }
            ChatLine line = lines.add(visitor.id(), posted.conversation().value(), clientId, reply.id().value(),
                    ChatLine.Author.AGENT, reply.authorName(), reply.body(), clock.instant());
            String json = ChatJson.write(ChatJson.line(line,
                    desk.attachmentsOf(List.of(reply.id())).getOrDefault(reply.id(), List.of())));
            pushes.add(() -> {
                fanOut.publish(ChatFanOut.visitor(visitor.id()), json);
                fanOut.publish(ChatFanOut.conversation(line.conversation()), json);
                Duration took = Duration.between(reply.createdAt(), clock.instant());
                if (!took.isNegative()) {
                    timer.record(took);
                }
            });
        }
        desk.markDelivered(reply.id());
        return pushes;
    }
}
