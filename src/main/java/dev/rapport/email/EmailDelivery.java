package dev.rapport.email;

import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.ReplyPosted;
import dev.rapport.mail.MailFailed;
import dev.rapport.mail.MailSent;
import dev.rapport.mail.MailToSend;
import dev.rapport.mail.Outbox;
import dev.rapport.shared.EmailAddress;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers agents' replies on email conversations through the outbox, from the conversation's mailbox with the
 * agent's name, to the customer with everyone copied kept, threaded (Message-ID from the mailbox's domain,
 * In-Reply-To, References, Thread-Index, the [#1042] token), as text and HTML with the reply's files attached
 * (by reference: {@link ConversationFiles}); and reports queued, sent, failed
 * (bounces included) back to the conversation. The web form's delivery leaves email conversations to this one.
 */
@Component
public class EmailDelivery {

    static final String PREFIX = "email:";

    private final Desk desk;
    private final Outbox outbox;
    private final EmailThreads threads;
    private final MailboxDirectory directory;

    EmailDelivery(Desk desk, Outbox outbox, EmailThreads threads, MailboxDirectory directory) {
        this.desk = desk;
        this.outbox = outbox;
        this.threads = threads;
        this.directory = directory;
    }

    /** Only an email conversation's replies are stored for this listener (no publication for other channels). */
    @ApplicationModuleListener(condition = "#posted.channel().name() == 'EMAIL'")
    void on(ReplyPosted posted) {
        if (posted.channel() != Channel.EMAIL) {
            return;
        }
        Conversation conversation = desk.find(posted.conversation()).orElseThrow();
        Message reply = desk.message(posted.message()).orElseThrow();
        if (conversation.requester().email() == null) {
            desk.markFailed(reply.id(), "The customer left no email address.");
            return;
        }
        UUID conversationId = conversation.id().value();
        Optional<EmailThreads.EmailConversation> thread = threads.emailConversation(conversationId);
        Optional<Mailbox> mailbox = thread.flatMap(t -> directory.find(new Mailbox.MailboxId(t.mailbox())))
                .or(() -> directory.all().stream().filter(Mailbox::active).findFirst());
        String domain = mailbox.map(Mailbox::domain).orElse("rapport.invalid");
        String messageId = "<rapport." + reply.id() + "@" + domain + ">";
        Map<String, String> headers = new LinkedHashMap<>();
        threads.latestInbound(conversationId).ifPresent(id -> headers.put("In-Reply-To", id));
        List<String> references = threads.messageIds(conversationId);
        if (!references.isEmpty()) {
            headers.put("References", String.join(" ", references.subList(Math.max(0, references.size() - 20),
                    references.size())));
        }
        thread.ifPresent(t -> headers.put("Thread-Index", ThreadIndex.child(t.threadIndex(), references.size() + 1)));
        mailbox.ifPresent(m -> headers.put("X-Rapport-Loop", m.address()));
        EmailAddress customer = conversation.requester().email();
        List<EmailAddress> copies = threads.participants(conversationId).stream()
                .filter(p -> p.role() == EmailThreads.Role.CC)
                .filter(p -> !p.address().equalsIgnoreCase(customer.value()))
                .map(p -> EmailAddress.of(p.address())).toList();
        String signature = mailbox.map(Mailbox::signature).orElse(null);
        String text = reply.body() + (signature == null ? "" : "\n\n-- \n" + signature);
        String token = "[#" + conversation.number() + "]";
        String subject = conversation.subject().contains(token) ? conversation.subject()
                : (conversation.subject().regionMatches(true, 0, "Re:", 0, 3) ? "" : "Re: ")
                + conversation.subject() + " " + token;
        outbox.queue(new MailToSend(customer, conversation.requester().name(), subject, text, PREFIX + reply.id(),
                mailbox.map(Mailbox::address).orElse(null), reply.authorName(), copies, html(reply.body(), signature),
                messageId, headers, mailbox.filter(Mailbox::sends).map(m -> m.id().toString()).orElse(null))
                .withAttachments(ConversationFiles.of(desk.attachmentsOf(reply.id()))));
        threads.remember(messageId, conversationId, true);
    }

    @ApplicationModuleListener
    void on(MailSent sent) {
        messageOf(sent.reference()).ifPresent(desk::markDelivered);
    }

    @ApplicationModuleListener
    void on(MailFailed failed) {
        messageOf(failed.reference()).ifPresent(id -> desk.markFailed(id, failed.reason()));
    }

    /** Tries a reply that failed again; false when it is not a failed email reply. */
    @Transactional
    public boolean retry(Message.MessageId reply) {
        if (!outbox.retry(PREFIX + reply.value())) {
            return false;
        }
        desk.markQueued(reply);
        return true;
    }

    private static String html(String body, String signature) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        for (String paragraph : body.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        if (signature != null) {
            html.append("<p>-- <br>").append(HtmlUtils.htmlEscape(signature).replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static Optional<Message.MessageId> messageOf(String reference) {
        return reference != null && reference.startsWith(PREFIX)
                ? Optional.of(new Message.MessageId(UUID.fromString(reference.substring(PREFIX.length()))))
                : Optional.empty();
    }
}
