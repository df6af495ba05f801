package dev.rapport.phone;

import dev.rapport.shared.SecretTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The front door of every telephony hook: finds the hook by its URL token, refuses requests that are not signed
 * with its secret or whose timestamp is stale, remembers each event id so a replay changes nothing, and hands the
 * event to the {@link Switchboard}. Every request that reached a hook is in its log, refusals included.
 */
@Service
public class HookGateway {

    private static final Logger log = LoggerFactory.getLogger(HookGateway.class);
    private static final int MAX_BODY = 64 * 1024;

    /** How a request ended, and what to tell the phone system. */
    public enum Verdict { ACCEPTED, DUPLICATE, NO_SUCH_HOOK, UNAUTHORIZED, INVALID, TOO_MANY }

    public record Receipt(Verdict verdict, String detail, Call call) {
    }

    private record Window(long minute, int count) {
    }

    private final TelephonyHooks hooks;
    private final SealedSecrets secrets;
    private final HookLog hookLog;
    private final Switchboard switchboard;
    private final PhoneSettings settings;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    HookGateway(TelephonyHooks hooks, SealedSecrets secrets, HookLog hookLog, Switchboard switchboard,
                PhoneSettings settings, Clock clock) {
        this.hooks = hooks;
        this.secrets = secrets;
        this.hookLog = hookLog;
        this.switchboard = switchboard;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param timestamp the request's {@code X-Rapport-Timestamp}: seconds since the epoch
     * @param signature the request's {@code X-Rapport-Signature}: hex HMAC-SHA256 of {@code timestamp + "." + body}
     * @param eventId   the request's {@code X-Rapport-Event-Id}, used when the body has no {@code id}
     */
    public Receipt receive(String token, String timestamp, String signature, String eventId, String body) {
        String tokenHash = SecretTokens.sha256(token);
        if (!allowed(tokenHash)) {
            return new Receipt(Verdict.TOO_MANY, "Too many requests for this hook; slow down.", null);
        }
        TelephonyHook hook = hooks.findByTokenHash(tokenHash).orElse(null);
        if (hook == null) {
            return new Receipt(Verdict.NO_SUCH_HOOK, null, null);
        }
        if (body.length() > MAX_BODY) {
            hookLog.note(hook.id(), null, null, null, HookLog.Outcome.INVALID, "The body is over 64 KB.", null);
            return new Receipt(Verdict.INVALID, "One event is at most 64 KB.", null);
        }
        String refusal = refusal(hook, timestamp, signature, body);
        if (refusal != null) {
            hookLog.note(hook.id(), null, null, null, HookLog.Outcome.REFUSED, refusal, body);
            return new Receipt(Verdict.UNAUTHORIZED, refusal, null);
        }
        CallEvent event;
        try {
            event = CallEventJson.parse(body, eventId);
        } catch (IllegalArgumentException e) {
            hookLog.note(hook.id(), null, null, null, HookLog.Outcome.INVALID, e.getMessage(), body);
            return new Receipt(Verdict.INVALID, e.getMessage(), null);
        }
        if (!hookLog.firstTime(hook.id(), event.id(), event.type().wire(), event.callId(), body)) {
            hookLog.note(hook.id(), null, event.type().wire(), event.callId(), HookLog.Outcome.DUPLICATE,
                    "Event " + event.id() + " was received before; nothing changed.", body);
            return new Receipt(Verdict.DUPLICATE, "Event " + event.id() + " was received before.", null);
        }
        try {
            return new Receipt(Verdict.ACCEPTED, null, applied(hook, event));
        } catch (RuntimeException e) {
            log.warn("Hook {} could not apply {} of call {}", hook.name(), event.type().wire(), event.callId(), e);
            hookLog.refine(hook.id(), event.id(), HookLog.Outcome.INVALID, "Could not be applied: " + e.getMessage());
            throw e;
        }
    }

    /** Two events of one new call at the same moment: the second one tries again on the call the first created. */
    private Call applied(TelephonyHook hook, CallEvent event) {
        try {
            return switchboard.apply(hook, event);
        } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
            return switchboard.apply(hook, event);
        }
    }

    private String refusal(TelephonyHook hook, String timestamp, String signature, String body) {
        if (timestamp == null || signature == null) {
            return "Unsigned: send X-Rapport-Timestamp and X-Rapport-Signature.";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "X-Rapport-Timestamp must be seconds since 1970-01-01 UTC.";
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (skew.compareTo(settings.signatureTolerance()) > 0) {
            return "Stale: the timestamp is " + skew.toSeconds() + " s away from now (at most "
                    + settings.signatureTolerance().toSeconds() + " s allowed; check the phone system's clock).";
        }
        String given = signature.strip().toLowerCase(Locale.ROOT);
        given = given.startsWith("sha256=") ? given.substring(7) : given;
        String expected;
        try {
            expected = sign(secrets.open(hook.sealedSecret()), timestamp.strip(), body);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII)) ? null : "Bad signature: not signed with this hook's secret.";
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body} under the secret, as phone systems must send it. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private boolean allowed(String tokenHash) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 10_000) {
            windows.values().removeIf(window -> window.minute() != minute);
        }
        Window window = windows.compute(tokenHash, (key, old) -> old == null || old.minute() != minute
                ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        return window.count() <= settings.maxEventsPerMinute();
    }
}
