package dev.rapport.mail;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts mail to send. Queueing joins the caller's transaction, so a mail is queued exactly when what it is about
 * (a reply, a new conversation) is stored; the dispatcher sends it afterwards.
 */
@Service
public class Outbox {

    /** Where a mail stands, for the person waiting on it. */
    public record Delivery(String status, int attempts, String lastError) {
    }

    private final OutboundMails mails;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Outbox(OutboundMails mails, Clock clock, ApplicationEventPublisher events) {
        this.mails = mails;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public UUID queue(MailToSend mail) {
        return mails.save(OutboundMail.queue(mail, clock.instant())).id();
    }

    /**
     * A bounce came back for the mail sent with this Message-ID: it is failed with the bounce's reason and
     * {@link MailFailed} is published, even if the SMTP server had accepted it. Returns false for a Message-ID this
     * outbox never sent.
     */
    @Transactional
    public boolean bounced(String messageId, String reason) {
        boolean found = false;
        for (OutboundMail mail : mails.findByMessageId(messageId)) {
            found = true;
            mail.bounced(reason);
            mails.save(mail);
            events.publishEvent(new MailFailed(mail.id(), mail.reference(), reason));
        }
        return found;
    }

    /** Tries the latest failed mail with this reference again, from its first attempt. */
    @Transactional
    public boolean retry(String reference) {
        return mails.findLatestByReference(reference).filter(mail -> mail.status() == OutboundMail.Status.FAILED)
                .map(mail -> {
                    mail.retry(clock.instant());
                    mails.save(mail);
                    return true;
                }).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<Delivery> delivery(String reference) {
        return mails.findLatestByReference(reference)
                .map(mail -> new Delivery(mail.status().name(), mail.attempts(), mail.lastError()));
    }
}
