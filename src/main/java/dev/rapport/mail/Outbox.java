package dev.rapport.mail;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Accepts mail to send. Queueing joins the caller's transaction, so a mail is queued exactly when what it is about
 * (a reply, a new conversation) is stored; the dispatcher sends it afterwards.
 */
@Service
public class Outbox {

    private final OutboundMails mails;
    private final Clock clock;

    Outbox(OutboundMails mails, Clock clock) {
        this.mails = mails;
        this.clock = clock;
    }

    @Transactional
    public UUID queue(MailToSend mail) {
        return mails.save(OutboundMail.queue(mail, clock.instant())).id();
    }
}
