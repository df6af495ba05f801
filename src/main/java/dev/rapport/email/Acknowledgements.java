package dev.rapport.email;

import dev.rapport.conversations.Conversation;
import dev.rapport.mail.MailToSend;
import dev.rapport.mail.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The "we received your message" mail for a new email conversation, sent only to a person (never to automatic mail)
 * and at most {@code rapport.email.automatic-per-hour} times an hour to one address, marked
 * {@code Auto-Submitted: auto-replied} so that well-behaved systems do not answer it.
 */
@Component
class Acknowledgements {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final EmailThreads threads;
    private final EmailSettings settings;
    private final Clock clock;

    Acknowledgements(JdbcClient jdbc, Outbox outbox, EmailThreads threads, EmailSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.threads = threads;
        this.settings = settings;
        this.clock = clock;
    }

    void acknowledge(Mailbox mailbox, Conversation conversation, ParsedEmail email) {
        String recipient = email.from().address();
        if (!allowed(recipient)) {
            return;
        }
        String messageId = "<rapport.ack." + conversation.id() + "@" + mailbox.domain() + ">";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Auto-Submitted", "auto-replied");
        headers.put("X-Auto-Response-Suppress", "All");
        headers.put("X-Rapport-Loop", mailbox.address());
        if (email.messageId() != null) {
            headers.put("In-Reply-To", email.messageId());
            headers.put("References", email.messageId());
        }
        threads.emailConversation(conversation.id().value())
                .ifPresent(thread -> headers.put("Thread-Index", ThreadIndex.child(thread.threadIndex(), 1)));
        String body = "Hello " + conversation.requester().name() + ",\n\nthank you for writing to "
                + mailbox.displayName() + ". We received your message and will answer as soon as we can. "
                + "Your reference is #" + conversation.number() + "; simply reply to this email to add anything.\n"
                + (mailbox.signature() == null ? "" : "\n-- \n" + mailbox.signature() + "\n");
        outbox.queue(new MailToSend(dev.rapport.shared.EmailAddress.of(recipient), conversation.requester().name(),
                "We received your message: " + conversation.subject() + " [#" + conversation.number() + "]", body,
                "email-ack:" + conversation.id(), mailbox.address(), mailbox.displayName(), List.of(), null,
                messageId, headers, mailbox.sends() ? mailbox.id().toString() : null));
        threads.remember(messageId, conversation.id().value(), true);
    }

    /** Counts one automatic mail to the address when it is still within the hourly cap. */
    boolean allowed(String recipient) {
        Instant now = clock.instant();
        int lastHour = jdbc.sql("select count(*) from email_automatic where recipient = ? and sent_at > ?")
                .params(recipient, Timestamp.from(now.minus(Duration.ofHours(1)))).query(Integer.class).single();
        if (lastHour >= settings.automaticPerHour()) {
            return false;
        }
        jdbc.sql("insert into email_automatic (id, recipient, sent_at) values (?, ?, ?)")
                .params(UUID.randomUUID(), recipient, Timestamp.from(now)).update();
        return true;
    }
}
