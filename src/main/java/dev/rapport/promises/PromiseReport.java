package dev.rapport.promises;

import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/**
 * The promises report: how the promises that fell due in a period ended — kept, broken, cancelled or still open — for
 * the whole business, each agent and each team, week by week, with the broken ones and why they broke. A promise
 * counts in the period of its first work deadline; one that ever broke counts as broken, even if a new date was
 * agreed and met afterwards. Read-only queries over the ledger's tables.
 */
@Service
public class PromiseReport {

    /** How many broken promises are listed, the latest first; the tallies count them all. */
    public static final int BROKEN_LISTED = 100;

    /** Whose promises a report covers. */
    public sealed interface Scope {
    }

    /** Every promise of the business. */
    public record Everyone() implements Scope {
    }

    /** The promises owned by the team, and those owned by its members. */
    public record OneTeam(UUID team, Set<UUID> members) implements Scope {
    }

    /** The promises the agent owns. */
    public record OneAgent(UUID agent) implements Scope {
    }

    /**
     * @param byAgent by owning agent (promises owned by a team alone are in none)
     * @param byTeam  by owning team (promises owned by an agent alone are in none)
     * @param broken  the latest {@link #BROKEN_LISTED} broken promises
     */
    public record Figures(ReportPeriod period, PromiseTally overall, Map<UUID, PromiseTally> byAgent,
                          Map<UUID, PromiseTally> byTeam, List<Week> weeks, PerConversation perConversation,
                          List<BrokenPromise> broken) {
    }

    /** One week of the period, its first and last day included. */
    public record Week(LocalDate from, LocalDate to, PromiseTally tally) {
    }

    /** Promises on conversations, and on how many different ones. */
    public record PerConversation(long promises, long conversations) {

        /** Promises per conversation, over the conversations with at least one; empty when there are none. */
        public OptionalDouble average() {
            return conversations == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) promises / conversations);
        }
    }

    /**
     * A promise that broke.
     *
     * @param conversationNumber the number of its conversation, or null when it is on none
     * @param reason             why it broke, as the deadline check wrote it
     * @param resolution         what happened next, or null when nobody has said yet
     */
    public record BrokenPromise(UUID id, String what, UUID owner, UUID ownerTeam, Long conversationNumber,
                                Instant firstDueAt, Instant dueAt, Instant doneAt, Instant brokenAt,
                                PromiseState state, String reason, String resolution) {

        /** How late the work was done, when it was done after its deadline. */
        public Optional<Duration> lateness() {
            return doneAt != null && doneAt.isAfter(dueAt) ? Optional.of(Duration.between(dueAt, doneAt))
                    : Optional.empty();
        }

        /** Still broken and nobody has said what happened next. */
        public boolean awaitingWord() {
            return state == PromiseState.BROKEN && resolution == null;
        }
    }

    private static final String PROMISES = " from promise_first_deadline f join promise p on p.id = f.promise"
            + " where f.due_at >= :start and f.due_at < :end";

    /** The deadline check's name in a promise's history (see {@link Promise#checkDeadlines}). */
    private static final String DEADLINE_CHECK = "Rapport";

    private final JdbcClient jdbc;
    private final Desk desk;

    PromiseReport(JdbcClient jdbc, Desk desk) {
        this.jdbc = jdbc;
        this.desk = desk;
    }

    @Transactional(readOnly = true)
    public Figures figures(ReportPeriod period, Scope scope) {
        Map<String, Object> params = new HashMap<>();
        String promises = promisesOf(period, scope, params);
        List<LocalDate> weekStarts = period.weekStarts();
        PromiseTally overall = PromiseTally.NONE;
        Map<UUID, PromiseTally> byAgent = new LinkedHashMap<>();
        Map<UUID, PromiseTally> byTeam = new LinkedHashMap<>();
        PromiseTally[] weeks = new PromiseTally[weekStarts.size()];
        Arrays.fill(weeks, PromiseTally.NONE);
        for (TallyRow row : tallies(promises, weekCase(weekStarts, period, params), params)) {
            overall = overall.plus(row.tally());
            if (row.owner() != null) {
                byAgent.merge(row.owner(), row.tally(), PromiseTally::plus);
            }
            if (row.ownerTeam() != null) {
                byTeam.merge(row.ownerTeam(), row.tally(), PromiseTally::plus);
            }
            weeks[row.week()] = weeks[row.week()].plus(row.tally());
        }
        List<Week> trend = new ArrayList<>();
        for (int i = 0; i < weekStarts.size(); i++) {
            LocalDate last = i + 1 < weekStarts.size() ? weekStarts.get(i + 1).minusDays(1) : period.to();
            trend.add(new Week(weekStarts.get(i), last, weeks[i]));
        }
        return new Figures(period, overall, byAgent, byTeam, trend, perConversation(promises, params),
                broken(promises, params));
    }

    private static String promisesOf(ReportPeriod period, Scope scope, Map<String, Object> params) {
        params.put("start", utc(period.start()));
        params.put("end", utc(period.end()));
        return PROMISES + switch (scope) {
            case Everyone everyone -> "";
            case OneAgent agent -> {
                params.put("agent", agent.agent());
                yield " and p.owner = :agent";
            }
            case OneTeam team -> {
                params.put("team", team.team());
                if (team.members().isEmpty()) {
                    yield " and p.owner_team = :team";
                }
                params.put("members", team.members());
                yield " and (p.owner_team = :team or p.owner in (:members))";
            }
        };
    }

    /** Which week of the period a promise's first deadline falls in, as an SQL expression (0 for the first). */
    private static String weekCase(List<LocalDate> weekStarts, ReportPeriod period, Map<String, Object> params) {
        if (weekStarts.size() == 1) {
            return "0";
        }
        StringBuilder sql = new StringBuilder("case");
        for (int i = 1; i < weekStarts.size(); i++) {
            params.put("week" + i, utc(weekStarts.get(i).atStartOfDay(period.zone()).toInstant()));
            sql.append(" when f.due_at < :week").append(i).append(" then ").append(i - 1);
        }
        return sql.append(" else ").append(weekStarts.size() - 1).append(" end").toString();
    }

    private record TallyRow(UUID owner, UUID ownerTeam, int week, PromiseTally tally) {
    }

    private List<TallyRow> tallies(String promises, String weekCase, Map<String, Object> params) {
        String late = "broken_at is not null and done_at > due_at";
        return jdbc.sql("""
                        select owner, owner_team, week,
                               sum(case when state = 'KEPT' and broken_at is null then 1 else 0 end) as kept,
                               sum(case when broken_at is not null then 1 else 0 end) as broken,
                               sum(case when state = 'CANCELLED' and broken_at is null then 1 else 0 end) as cancelled,
                               sum(case when state in ('OPEN', 'RENEGOTIATED', 'DONE') and broken_at is null
                                        then 1 else 0 end) as still_open,
                               sum(case when state = 'BROKEN' and resolution is null then 1 else 0 end) as awaiting,
                               sum(case when %1$s then 1 else 0 end) as late,
                               sum(case when %1$s then extract(epoch from done_at) - extract(epoch from due_at)
                                        else 0 end) as late_seconds
                        from (select p.owner, p.owner_team, p.state, p.broken_at, p.done_at, p.due_at, p.resolution,
                                     %2$s as week
                              %3$s) t
                        group by owner, owner_team, week""".formatted(late, weekCase, promises))
                .params(params)
                .query((rs, n) -> new TallyRow(rs.getObject("owner", UUID.class),
                        rs.getObject("owner_team", UUID.class), rs.getInt("week"),
                        new PromiseTally(rs.getLong("kept"), rs.getLong("broken"), rs.getLong("cancelled"),
                                rs.getLong("still_open"), rs.getLong("awaiting"), rs.getLong("late"),
                                rs.getDouble("late_seconds"))))
                .list();
    }

    private PerConversation perConversation(String promises, Map<String, Object> params) {
        return jdbc.sql("select count(*) as promises, count(distinct p.conversation) as conversations" + promises
                        + " and p.conversation is not null")
                .params(params)
                .query((rs, n) -> new PerConversation(rs.getLong("promises"), rs.getLong("conversations")))
                .single();
    }

    private List<BrokenPromise> broken(String promises, Map<String, Object> params) {
        Map<String, Object> listParams = new HashMap<>(params);
        listParams.put("limit", BROKEN_LISTED);
        record Row(UUID id, String what, UUID owner, UUID ownerTeam, UUID conversation, Instant firstDueAt,
                   Instant dueAt, Instant doneAt, Instant brokenAt, PromiseState state, String resolution) {
        }
        List<Row> rows = jdbc.sql("select p.id, p.what, p.owner, p.owner_team, p.conversation,"
                        + " f.due_at as first_due_at, p.due_at, p.done_at, p.broken_at, p.state, p.resolution"
                        + promises + " and p.broken_at is not null order by p.broken_at desc, p.id limit :limit")
                .params(listParams)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("what"),
                        rs.getObject("owner", UUID.class), rs.getObject("owner_team", UUID.class),
                        rs.getObject("conversation", UUID.class), instant(rs, "first_due_at"), instant(rs, "due_at"),
                        instant(rs, "done_at"), instant(rs, "broken_at"), PromiseState.valueOf(rs.getString("state")),
                        rs.getString("resolution")))
                .list();
        Map<UUID, String> reasons = reasons(rows.stream().map(Row::id).toList());
        Map<UUID, Long> numbers = new HashMap<>();
        return rows.stream().map(row -> new BrokenPromise(row.id(), row.what(), row.owner(), row.ownerTeam(),
                row.conversation() == null ? null
                        : numbers.computeIfAbsent(row.conversation(), this::conversationNumber),
                row.firstDueAt(), row.dueAt(), row.doneAt(), row.brokenAt(), row.state(), reasons.get(row.id()),
                row.resolution())).toList();
    }

    /** The note of each promise's latest break, written by the deadline check. */
    private Map<UUID, String> reasons(List<UUID> ids) {
        Map<UUID, String> reasons = new HashMap<>();
        if (ids.isEmpty()) {
            return reasons;
        }
        jdbc.sql("select promise, note from promise_change where promise in (:ids) and state = 'BROKEN'"
                        + " and by_name = :check order by promise_key")
                .param("ids", ids)
                .param("check", DEADLINE_CHECK)
                .query((rs, n) -> Map.entry(rs.getObject("promise", UUID.class), rs.getString("note")))
                .list()
                .forEach(reason -> reasons.put(reason.getKey(), reason.getValue()));
        return reasons;
    }

    private Long conversationNumber(UUID conversation) {
        return desk.find(new Conversation.ConversationId(conversation)).map(Conversation::number).orElse(null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
