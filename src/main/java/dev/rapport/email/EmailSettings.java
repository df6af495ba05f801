package dev.rapport.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * @param secretKey              a passphrase that seals mailbox passwords at rest (AES-GCM), from
 *                               {@code RAPPORT_EMAIL_SECRET_KEY}; without it they are stored as they are
 * @param pollInterval           how often every mailbox is fetched over IMAP
 * @param connectTimeout         how long to wait for an IMAP or SMTP server
 * @param automaticPerHour       automatic mail (acknowledgements) one address gets at most per hour
 * @param webhookPerMinute       messages one mailbox's webhook accepts per minute before answering 429
 * @param maxMessageSize         the largest raw message accepted by the webhook
 * @param fetchBatch             messages fetched from one mailbox per poll
 */
@ConfigurationProperties("rapport.email")
public record EmailSettings(@DefaultValue("") String secretKey,
                            @DefaultValue("60s") Duration pollInterval,
                            @DefaultValue("10s") Duration connectTimeout,
                            @DefaultValue("3") int automaticPerHour,
                            @DefaultValue("120") int webhookPerMinute,
                            @DefaultValue("25MB") DataSize maxMessageSize,
                            @DefaultValue("200") int fetchBatch) {
}
