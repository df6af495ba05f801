package dev.rapport.owed;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.shared.KeysetCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Lists money owed oldest first (keyset on owed since, then id, each list on an index of its own: see
 * {@code docs/owed.md} for the plans) with filters and a cursor, and adds up what is still owed by age for the aging
 * report. A teammate's list holds only what they or their teams are responsible for.
 */
@Component
public class OwedSearch {

    /**
     * All optional: {@code states} empty means every state; {@code overdue} null means either; {@code mine} keeps
     * only what the viewer or their teams are responsible for.
     */
    public record Filter(Set<OwedState> states, UUID responsibleAgent, UUID responsibleTeam, UUID customer,
                         Boolean overdue, boolean mine) {

        public static Filter none() {
            return new Filter(Set.of(), null, null, null, null, false);
        }
    }

    /** A page of entries and the cursor for the next one, or null when this is the last. */
    public record Page(List<MoneyOwed> entries, String next) {
    }

    /** How long money has been owed, in whole days: 0–7, 8–30, 31–90 and more than 90. */
    public enum Age {
        UP_TO_7("0–7 days", 0), UP_TO_30("8–30 days", 8), UP_TO_90("31–90 days", 31), OVER_90("90+ days", 91);

        private final String label;
        private final int fromDays;

        Age(String label, int fromDays) {
            this.label = label;
            this.fromDays = fromDays;
        }

        public String label() {
            return label;
        }

        public static Age of(Instant owedSince, Instant now) {
            long days = Duration.between(owedSince, now).toDays();
            Age age = UP_TO_7;
            for (Age candidate : values()) {
                if (days >= candidate.fromDays) {
                    age = candidate;
                }
            }
            return age;
        }
    }

    /** What is still owed in one currency, by one responsible team or person, of one age. */
    public record AgedSum(UUID responsibleTeam, UUID responsibleAgent, String currency, Age age, long minorUnits,
                          long entries) {
    }

    private final OwedEntries entries;
    private final OwedLedger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;

    OwedSearch(OwedEntries entries, OwedLedger ledger, JdbcClient jdbc, Clock clock) {
        this.entries = entries;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param after a cursor from a previous page, or null
     * @throws IllegalArgumentException for a cursor this class did not write
     */
    @Transactional(readOnly = true)
    public Page page(Filter filter, SignedInAgent viewer, String after, int limit) {
        int size = Math.clamp(limit, 1, 500);
        StringBuilder conditions = new StringBuilder();
        List<Object> params = new ArrayList<>();
        where(filter, conditions, params);
        if (after != null && !after.isBlank()) {
            KeysetCursor cursor = KeysetCursor.parse(after);
            conditions.append(" and (owed_since, id) > (?, ?)");
            params.add(Timestamp.from(cursor.at()));
            params.add(uuid(cursor.tieBreaker()));
        }
        String page = " order by owed_since, id limit " + (size + 1);
        String select = "select id, owed_since from money_owed where 1 = 1" + conditions;
        String sql;
        List<Object> all = new ArrayList<>();
        if (filter.mine() || viewer.role() == Role.TEAMMATE) {
            // One ordered index range per person and team, merged: an OR would read every owed entry to find theirs.
            sql = "(" + select + " and responsible_agent = ?" + page + ")";
            all.addAll(params);
            all.add(viewer.id().value());
            for (UUID team : ledger.teamsOf(viewer)) {
                sql += " union all (" + select + " and responsible_team = ?" + page + ")";
                all.addAll(params);
                all.add(team);
            }
            sql = "select id, owed_since from (" + sql + ") mine" + page;
        } else {
            sql = select + page;
            all.addAll(params);
        }
        List<UUID> ids = jdbc.sql(sql).params(all).query((rs, row) -> rs.getObject("id", UUID.class)).list();
        boolean more = ids.size() > size;
        List<MoneyOwed> found = new ArrayList<>(entries.findAllById(more ? ids.subList(0, size) : ids));
        found.sort(Comparator.comparing(MoneyOwed::owedSince).thenComparing(MoneyOwed::id));
        String next = more ? new KeysetCursor(found.getLast().owedSince(), found.getLast().id().toString()).encode()
                : null;
        return new Page(found, next);
    }

    /** What is still owed, added up by responsible team or person, currency and age, among what the viewer sees. */
    @Transactional(readOnly = true)
    public List<AgedSum> aging(SignedInAgent viewer) {
        Instant now = clock.instant();
        StringBuilder sql = new StringBuilder("select responsible_team, responsible_agent, currency, case"
                + " when owed_since > ? then 0 when owed_since > ? then 1 when owed_since > ? then 2 else 3 end"
                + " as age, sum(amount_minor) as total, count(*) as entries from money_owed where 1 = 1");
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now.minus(Duration.ofDays(Age.UP_TO_30.fromDays))),
                Timestamp.from(now.minus(Duration.ofDays(Age.UP_TO_90.fromDays))),
                Timestamp.from(now.minus(Duration.ofDays(Age.OVER_90.fromDays)))));
        where(new Filter(Set.of(OwedState.OWED), null, null, null, null, false), sql, params);
        if (viewer.role() == Role.TEAMMATE) {
            sql.append(" and (responsible_agent = ?");
            params.add(viewer.id().value());
            for (UUID team : ledger.teamsOf(viewer)) {
                sql.append(" or responsible_team = ?");
                params.add(team);
            }
            sql.append(")");
        }
        sql.append(" group by responsible_team, responsible_agent, currency, age");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new AgedSum(rs.getObject("responsible_team", UUID.class),
                        rs.getObject("responsible_agent", UUID.class), rs.getString("currency"),
                        Age.values()[rs.getInt("age")], rs.getLong("total"), rs.getLong("entries")))
                .list();
    }

    private void where(Filter filter, StringBuilder sql, List<Object> params) {
        if (!filter.states().isEmpty()) {
            sql.append(" and state in (").append(String.join(", ",
                    filter.states().stream().map(s -> "'" + s.name() + "'").toList())).append(")");
        }
        if (filter.responsibleAgent() != null) {
            sql.append(" and responsible_agent = ?");
            params.add(filter.responsibleAgent());
        }
        if (filter.responsibleTeam() != null) {
            sql.append(" and responsible_team = ?");
            params.add(filter.responsibleTeam());
        }
        if (filter.customer() != null) {
            sql.append(" and customer = ?");
            params.add(filter.customer());
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " and (state = 'OWED' and due_at < ?)"
                    : " and not (state = 'OWED' and due_at < ?)");
            params.add(Timestamp.from(clock.instant()));
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The page cursor is not valid; start from the first page.");
        }
    }
}
