package dev.rapport.promises;

import dev.rapport.agents.SignedInAgent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import dev.rapport.shared.KeysetCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lists promises by owner, state, deadline, customer or conversation, soonest deadline first, paged by keyset on
 * {@code (due_at, id)} so a late page costs what the first one does. Only promises the agent may see are listed
 * (the ledger's {@link PromiseLedger#canSee} decides, as it does for a single promise); for a teammate that can leave
 * a page shorter than asked while more follow, so callers page on while {@link Page#next()} is not null.
 */
@Service
@Transactional(readOnly = true)
public class PromiseSearch {

    public static final int MAX_PAGE_SIZE = 100;

    /** At most this many promises are looked at for one page, so a teammate's page never reads the whole ledger. */
    static final int MAX_SCANNED = 1_000;

    /**
     * What to list; every criterion is optional (null or empty for all).
     *
     * @param owner     promises this agent does
     * @param ownerTeam promises this team does
     * @param states    in any of these states
     * @param dueBefore due before this instant
     * @param dueAfter  due after this instant
     */
    public record Filter(UUID owner, UUID ownerTeam, Set<PromiseState> states, Instant dueBefore, Instant dueAfter,
                         UUID customer, UUID conversation) {

        public static Filter none() {
            return new Filter(null, null, Set.of(), null, null, null, null);
        }
    }

    /** A page of promises and the cursor of the next page (null after the last one). Cursors are opaque. */
    public record Page(List<Promise> promises, String next) {
    }

    private final JdbcClient jdbc;
    private final Promises promises;
    private final PromiseLedger ledger;

    PromiseSearch(JdbcClient jdbc, Promises promises, PromiseLedger ledger) {
        this.jdbc = jdbc;
        this.promises = promises;
        this.ledger = ledger;
    }

    /**
     * @param cursor {@code next} of the previous page, or null for the first
     * @param size   how many promises a page holds, 1 to {@link #MAX_PAGE_SIZE}
     * @throws IllegalArgumentException for a cursor this search did not hand out
     */
    public Page page(Filter filter, SignedInAgent me, String cursor, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        Cursor position = cursor == null || cursor.isBlank() ? null : Cursor.parse(cursor);
        List<Promise> visible = new ArrayList<>();
        int scanned = 0;
        while (scanned < MAX_SCANNED) {
            int batch = Math.min(limit + 1, MAX_SCANNED - scanned);
            List<Cursor> keys = keys(filter, position, batch);
            for (Promise promise : load(keys)) {
                if (ledger.canSee(promise, me)) {
                    visible.add(promise);
                    if (visible.size() > limit) {
                        return new Page(visible.subList(0, limit), Cursor.of(visible.get(limit - 1)).encode());
                    }
                }
            }
            if (keys.size() < batch) {
                return new Page(visible, null);
            }
            scanned += keys.size();
            position = keys.getLast();
        }
        return new Page(visible, position.encode());
    }

    private List<Cursor> keys(Filter filter, Cursor after, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.owner() != null) {
            conditions.add("owner = ?");
            params.add(filter.owner());
        }
        if (filter.ownerTeam() != null) {
            conditions.add("owner_team = ?");
            params.add(filter.ownerTeam());
        }
        if (filter.states() != null && !filter.states().isEmpty()) {
            conditions.add("state in (" + filter.states().stream().map(state -> "?")
                    .collect(Collectors.joining(", ")) + ")");
            filter.states().forEach(state -> params.add(state.name()));
        }
        if (filter.dueBefore() != null) {
            conditions.add("due_at < ?");
            params.add(Timestamp.from(filter.dueBefore()));
        }
        if (filter.dueAfter() != null) {
            conditions.add("due_at > ?");
            params.add(Timestamp.from(filter.dueAfter()));
        }
        if (filter.customer() != null) {
            conditions.add("customer = ?");
            params.add(filter.customer());
        }
        if (filter.conversation() != null) {
            conditions.add("conversation = ?");
            params.add(filter.conversation());
        }
        if (after != null) {
            conditions.add("(due_at, id) > (?, ?)");
            params.add(Timestamp.from(after.dueAt()));
            params.add(after.id());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return jdbc.sql("select id, due_at from promise" + where + " order by due_at, id limit " + limit)
                .params(params)
                .query((rs, row) -> new Cursor(rs.getTimestamp("due_at").toInstant(), rs.getObject("id", UUID.class)))
                .list();
    }

    private List<Promise> load(List<Cursor> keys) {
        Map<UUID, Promise> byId = promises.findAllById(keys.stream().map(Cursor::id).toList()).stream()
                .collect(Collectors.toMap(Promise::id, Function.identity()));
        return keys.stream().map(key -> byId.get(key.id())).filter(Objects::nonNull).toList();
    }

    /** Where a page ended: the last promise's deadline and id. */
    private record Cursor(Instant dueAt, UUID id) {

        static Cursor of(Promise promise) {
            return new Cursor(promise.dueAt(), promise.id());
        }

        String encode() {
            return new KeysetCursor(dueAt, id.toString()).encode();
        }

        static Cursor parse(String encoded) {
            KeysetCursor cursor = KeysetCursor.parse(encoded);
            try {
                return new Cursor(cursor.at(), UUID.fromString(cursor.tieBreaker()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The page cursor is not valid; start from the first page.");
            }
        }
    }
}
