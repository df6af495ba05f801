package dev.rapport.webform;

import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.ReplyPosted;
import dev.rapport.email.ConversationFiles;
import dev.rapport.mail.MailFailed;
import dev.rapport.mail.MailSent;
import dev.rapport.mail.MailToSend;
import dev.rapport.mail.Outbox;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Delivers agents' replies by email (through the outbox) and reports the outcome back to the conversation: for
 * web-form conversations, and for now also for conversations started by phone, at the counter, by API or by email,
 * as long as no channel of their own delivers them. The reply's files go with it (opened by the email channel's
 * {@link ConversationFiles} when the outbox sends). Email conversations are the email channel's to deliver (from
 * their mailbox, threaded); the chat channel will take over chat conversations.
 */
@Component
class ReplyDelivery {

    private static final String PREFIX = "reply:";

    private final Desk desk;
    private final Outbox outbox;

    ReplyDelivery(Desk desk, Outbox outbox) {
        this.desk = desk;
        this.outbox = outbox;
    }

    /** Chat and email deliver their own replies: those are not stored for this listener at all. */
    @ApplicationModuleListener(condition = "#posted.channel().name() != 'CHAT' and #posted.channel().name() != 'EMAIL'")
    void on(ReplyPosted posted) {
        if (posted.channel() == Channel.CHAT || posted.channel() == Channel.EMAIL) {
            return;
        }
        Conversation conversation = desk.find(posted.conversation()).orElseThrow();
        Message reply = desk.message(posted.message()).orElseThrow();
        if (conversation.requester().email() == null) {
            desk.markFailed(reply.id(), "The customer left no email address.");
            return;
        }
        outbox.queue(new MailToSend(conversation.requester().email(), conversation.requester().name(),
                "Re: " + conversation.subject() + " [#" + conversation.number() + "]", reply.body(),
                PREFIX + reply.id()).withAttachments(ConversationFiles.of(desk.attachmentsOf(reply.id()))));
    }

    @ApplicationModuleListener
    void on(MailSent sent) {
        messageOf(sent.reference()).ifPresent(desk::markDelivered);
    }

    @ApplicationModuleListener
    void on(MailFailed failed) {
        messageOf(failed.reference()).ifPresent(id -> desk.markFailed(id, failed.reason()));
    }

    private static java.util.Optional<Message.MessageId> messageOf(String reference) {
        return reference != null && reference.startsWith(PREFIX)
                ? java.util.Optional.of(new Message.MessageId(UUID.fromString(reference.substring(PREFIX.length()))))
                : java.util.Optional.empty();
    }
}
