package dev.rapport.phone;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What each hook received: accepted events, replays and refusals, for the admin page. An event id is remembered so
 * that the same event is never applied twice; rows older than a day leave once a hook has a hundred newer ones.
 */
@Component
public class HookLog {

    /** How a request to a hook ended. */
    public enum Outcome { ACCEPTED, DUPLICATE, REFUSED, INVALID }

    public record Entry(UUID id, String eventId, String type, String callId, Outcome outcome, String detail,
                        String body, Instant receivedAt) {
        public boolean isError() {
            return outcome == Outcome.REFUSED || outcome == Outcome.INVALID;
        }
    }

    private static final int KEEP = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    HookLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Remembers an event by its id; false when this hook already received it. */
    boolean firstTime(TelephonyHook.HookId hook, String eventId, String type, String callId, String body) {
        try {
            insert(hook, eventId, type, callId, Outcome.ACCEPTED, null, body);
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }

    void note(TelephonyHook.HookId hook, String eventId, String type, String callId, Outcome outcome, String detail,
              String body) {
        insert(hook, outcome == Outcome.ACCEPTED ? eventId : null, type, callId, outcome, detail, body);
    }

    /** An accepted event could not be applied: the entry says why, and forgets the id so a retry is applied. */
    void refine(TelephonyHook.HookId hook, String eventId, Outcome outcome, String detail) {
        jdbc.sql("update phone_hook_event set outcome = ?, detail = ?, event_id = null where hook = ? and event_id = ?")
                .params(outcome.name(), cut(detail, 1000), hook.value(), eventId).update();
    }

    /** The hook's newest entries, newest first. */
    public List<Entry> recent(TelephonyHook.HookId hook, int limit) {
        return jdbc.sql("""
                        select id, event_id, type, call_id, outcome, detail, body, received_at from phone_hook_event
                        where hook = ? order by received_at desc, id desc limit ?""")
                .params(hook.value(), Math.min(limit, KEEP))
                .query((rs, i) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), Outcome.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    private void insert(TelephonyHook.HookId hook, String eventId, String type, String callId, Outcome outcome,
                        String detail, String body) {
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into phone_hook_event (id, hook, event_id, type, call_id, outcome, detail, body,
                        received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), hook.value(), cut(eventId, 200), cut(type, 40), cut(callId, 200),
                        outcome.name(), cut(detail, 1000), cut(body, 4000), Timestamp.from(now))
                .update();
        jdbc.sql("""
                        delete from phone_hook_event where hook = ? and received_at < ? and id not in
                        (select id from phone_hook_event where hook = ? order by received_at desc limit ?)""")
                .params(hook.value(), Timestamp.from(now.minus(Duration.ofDays(1))), hook.value(), KEEP)
                .update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
