package dev.rapport.phone;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the phone channel.
 *
 * @param callBackWithin      the call-back policy a new hook starts with: a missed call or voicemail is called back
 *                            within this many business hours of its routed team (each hook keeps its own, Admin →
 *                            Phone)
 * @param signatureTolerance  how far a request's timestamp may be from now before it is refused as stale
 * @param secretKey           a passphrase that seals hook secrets at rest (AES-GCM); without it they are stored as
 *                            they are, like the database's other credentials. Changing it makes existing hooks'
 *                            secrets unreadable: create the hooks again.
 * @param maxEventsPerMinute  requests one hook URL may make per minute before it is answered with 429
 */
@ConfigurationProperties("rapport.phone")
public record PhoneSettings(@DefaultValue("2h") Duration callBackWithin,
                            @DefaultValue("5m") Duration signatureTolerance,
                            @DefaultValue("") String secretKey,
                            @DefaultValue("600") int maxEventsPerMinute) {
}
