package dev.rapport.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * IMAP IDLE: one connection per mailbox on which the server tells Rapport the moment mail arrives.
 *
 * @param enabled        watch mailboxes whose server supports IDLE; off, every mailbox is only polled
 * @param renewEvery     how often a watched mailbox's IDLE is re-issued (servers drop it after 29 minutes) and the
 *                       mailbox fetched in full anyway, the safety net for a notification that never came
 * @param maxBackoff     the longest wait between attempts to reconnect a dropped connection (1 s, 2 s, 4 s ... up to
 *                       this); while a mailbox is not watched, the ordinary polling fetches it
 * @param reconcileEvery how soon a mailbox added, changed or switched off in Admin → Email is watched or let go
 */
@ConfigurationProperties("rapport.email.idle")
public record IdleSettings(@DefaultValue("true") boolean enabled,
                           @DefaultValue("10m") Duration renewEvery,
                           @DefaultValue("2m") Duration maxBackoff,
                           @DefaultValue("15s") Duration reconcileEvery) {
}
