package dev.rapport.mail;

import dev.rapport.shared.EmailAddress;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
    private final String fromAddress;
    private final String fromName;
    private final String cc;
    private final String htmlBody;
    private final String messageId;
    private final String headers;
    private final String route;
    @MappedCollection
    private final List<OutboundMailFile> files;
    private @Version Long version;

    @PersistenceCreator
    OutboundMail(UUID id, String recipient, String recipientName, String subject, String body, String reference,
                 Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                 Instant sentAt, String fromAddress, String fromName, String cc, String htmlBody, String messageId,
                 String headers, String route, List<OutboundMailFile> files, Long version) {
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
        this.fromAddress = fromAddress;
        this.fromName = fromName;
        this.cc = cc;
        this.htmlBody = htmlBody;
        this.messageId = messageId;
        this.headers = headers;
        this.route = route;
        this.files = files == null ? List.of() : List.copyOf(files);
        this.version = version;
    }

    static OutboundMail queue(MailToSend mail, Instant now) {
        String cc = mail.cc().isEmpty() ? null
                : mail.cc().stream().map(EmailAddress::value).collect(Collectors.joining(","));
        String headers = mail.headers().isEmpty() ? null : mail.headers().entrySet().stream()
                .map(header -> header.getKey() + ": " + header.getValue().replaceAll("[\r\n]+", " "))
                .collect(Collectors.joining("\n"));
        return new OutboundMail(UUID.randomUUID(), mail.to().value(), mail.toName(), mail.subject(), mail.body(),
                mail.reference(), Status.QUEUED, 0, now, null, now, null, mail.fromAddress(), mail.fromName(), cc,
                mail.htmlBody(), mail.messageId(), headers, mail.route(),
                mail.attachments().stream().map(OutboundMailFile::of).toList(), null);
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
        lastError = clip(error);
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
            return true;
        }
        nextAttemptAt = now.plus(backoff(attempts));
        return false;
    }

    /** The receiving side sent it back (a bounce): failed, whatever the SMTP server said first. */
    void bounced(String reason) {
        status = Status.FAILED;
        lastError = clip(reason);
    }

    /** Someone asked to try a failed mail again, from the first attempt. */
    void retry(Instant now) {
        status = Status.QUEUED;
        attempts = 0;
        nextAttemptAt = now;
    }

    private static String clip(String error) {
        return error == null ? "unknown error" : error.substring(0, Math.min(500, error.length()));
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
    String fromAddress() { return fromAddress; }
    String fromName() { return fromName; }
    String htmlBody() { return htmlBody; }
    String messageId() { return messageId; }
    String route() { return route; }
    List<OutboundMailFile> files() { return files; }

    List<String> ccList() {
        return cc == null || cc.isBlank() ? List.of() : Arrays.asList(cc.split(","));
    }

    Map<String, String> headerMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (headers != null) {
            headers.lines().filter(line -> line.contains(": ")).forEach(line -> {
                int colon = line.indexOf(": ");
                map.put(line.substring(0, colon), line.substring(colon + 2));
            });
        }
        return map;
    }
}
