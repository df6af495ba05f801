package dev.rapport.mail;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A mail in the outbox, from queued to sent or failed. */
class OutboundMail {

    enum Status { QUEUED, SENT, FAILED }

    private final @Id UUID id;
    private final String recipient;
    private final String recipientName;
    private final String subject;
    private final String body;
    private final String reference;
    private Status status;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private final Instant createdAt;
    private Instant sentAt;
    private @Version Long version;

    @PersistenceCreator
    OutboundMail(UUID id, String recipient, String recipientName, String subject, String body, String reference,
                 Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                 Instant sentAt, Long version) {
        this.id = id;
        this.recipient = recipient;
        this.recipientName = recipientName;
        this.subject = subject;
        this.body = body;
        this.reference = reference;
        this.status = status;
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.lastError = lastError;
        this.createdAt = createdAt;
        this.sentAt = sentAt;
        this.version = version;
    }

    static OutboundMail queue(MailToSend mail, Instant now) {
        return new OutboundMail(UUID.randomUUID(), mail.to().value(), mail.toName(), mail.subject(), mail.body(),
                mail.reference(), Status.QUEUED, 0, now, null, now, null, null);
    }

    void sent(Instant now) {
        status = Status.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /** Records a failed attempt; returns true when this was the last one. */
    boolean attemptFailed(String error, Instant now, int maxAttempts) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(500, error.length()));
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
            return true;
        }
        nextAttemptAt = now.plus(backoff(attempts));
        return false;
    }

    /** 30 s, 1 min, 2 min, 4 min ... capped at 2 h. */
    static Duration backoff(int attempts) {
        long seconds = Math.min(7200, 30L << Math.min(attempts - 1, 12));
        return Duration.ofSeconds(seconds);
    }

    UUID id() { return id; }
    String recipient() { return recipient; }
    String recipientName() { return recipientName; }
    String subject() { return subject; }
    String body() { return body; }
    String reference() { return reference; }
    Status status() { return status; }
    int attempts() { return attempts; }
    String lastError() { return lastError; }
    Instant nextAttemptAt() { return nextAttemptAt; }
}
