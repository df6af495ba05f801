package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import dev.rapport.shared.KeysetCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The inbox views, read straight from the conversation table through its queue indexes: longest-waiting customer
 * first, paged by keyset so page 1,000 costs what page 1 costs. Teammates see only their teams' conversations.
 */
@Service
@Transactional(readOnly = true)
public class Inbox {

    /**
     * Counts above this show as "1,000+": a queue that long needs a different conversation than an exact number, and
     * counting every open or solved conversation on each page load costs more than the rest of the page.
     */
    public static final int COUNT_CAP = 1_000;
    public static final int MAX_PAGE_SIZE = 100;

    private static final String COLUMNS = "c.id, c.number, c.subject, c.requester_name, c.requester_email, c.channel, "
            + "c.status, c.priority, c.assignee, c.team, c.waiting_since, c.updated_at, c.queue_rank";

    private final JdbcClient jdbc;
    private final Roster roster;

    Inbox(JdbcClient jdbc, Roster roster) {
        this.jdbc = jdbc;
        this.roster = roster;
    }

    public InboxPage page(InboxView view, InboxFilter filter, SignedInAgent me, String cursor, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        Query query = scope(view, filter, me);
        boolean solved = view == InboxView.SOLVED;
        if (cursor != null && !cursor.isBlank()) {
            Cursor after = Cursor.parse(cursor);
            if (solved) {
                query.where("c.number < ?", after.number());
            } else {
                query.where("(c.queue_rank, c.number) > (?, ?)", Timestamp.from(after.rank()), after.number());
            }
        }
        String order = solved ? " order by c.number desc" : " order by c.queue_rank, c.number";
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from conversation c where " + query.conditions()
                        + order + " limit " + (limit + 1))
                .params(query.params())
                .query(Inbox::row)
                .list();
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        Map<UUID, List<String>> tags = tagsOf(page.stream().map(row -> row.item().id()).toList());
        List<InboxItem> items = page.stream().map(row -> withTags(row.item(), tags)).toList();
        String next = more ? Cursor.of(page.getLast()).encode() : null;
        return new InboxPage(items, next);
    }

    /** How many conversations each view holds for the agent, capped at {@link #COUNT_CAP}. */
    public Map<InboxView, Long> counts(SignedInAgent me) {
        Map<InboxView, Long> counts = new EnumMap<>(InboxView.class);
        for (InboxView view : InboxView.values()) {
            Query query = scope(view, InboxFilter.none(), me);
            counts.put(view, jdbc.sql("select count(*) from (select 1 from conversation c where " + query.conditions()
                            + " limit " + COUNT_CAP + ") capped")
                    .params(query.params()).query(Long.class).single());
        }
        return counts;
    }

    /**
     * The view's and filters' conditions. Enum names and ids are written into the SQL as literals (they are never
     * free text), so PostgreSQL plans every query knowing how selective they are, and the literal
     * {@code snoozed_until is null} matches the partial queue indexes; only the tag, which people type, is bound.
     * With bind parameters, the generic plans of prepared statements read the whole table for the view counts
     * (docs/benchmarks-inbox.md).
     */
    private Query scope(InboxView view, InboxFilter filter, SignedInAgent me) {
        Query query = new Query();
        switch (view) {
            case UNASSIGNED -> query.where("c.assignee is null").where("c.is_open = true");
            case MINE -> query.where("c.assignee = " + literal(me.id().value())).where("c.is_open = true");
            case MY_TEAMS -> query.where(inTeams(myTeams(me))).where("c.is_open = true");
            case ALL_OPEN -> query.where("c.is_open = true");
            case WAITING_ON_US -> query.where("c.status = " + literal(Status.WAITING_ON_US));
            case WAITING_ON_CUSTOMER -> query.where("c.status = " + literal(Status.WAITING_ON_CUSTOMER));
            case SOLVED -> query.where("c.status = " + literal(Status.SOLVED));
        }
        if (view != InboxView.SOLVED) {
            query.where("c.snoozed_until is null");
        }
        if (me.role() == Role.TEAMMATE && view != InboxView.MY_TEAMS) {
            query.where(inTeams(myTeams(me)));
        }
        if (filter.status() != null) {
            query.where("c.status = " + literal(filter.status()));
        }
        if (filter.assignee() != null) {
            query.where("c.assignee = " + literal(filter.assignee().value()));
        }
        if (filter.team() != null) {
            query.where("c.team = " + literal(filter.team().value()));
        }
        if (filter.channel() != null) {
            query.where("c.channel = " + literal(filter.channel()));
        }
        if (filter.priority() != null) {
            query.where("c.priority = " + literal(filter.priority()));
        }
        if (filter.tag() != null) {
            query.where("exists (select 1 from conversation_tag t where t.conversation = c.id and t.tag = ?)",
                    filter.tag());
        }
        return query;
    }

    private static String literal(Enum<?> value) {
        return "'" + value.name() + "'";
    }

    private static String literal(UUID value) {
        return "'" + value + "'";
    }

    private Set<Team.TeamId> myTeams(SignedInAgent me) {
        return roster.findAgent(me.id()).map(Agent::teams).orElse(Set.of());
    }

    private static String inTeams(Set<Team.TeamId> teams) {
        if (teams.isEmpty()) {
            return "1 = 0";
        }
        return "c.team in (" + String.join(", ", teams.stream().map(team -> literal(team.value())).toList()) + ")";
    }

    private Map<UUID, List<String>> tagsOf(List<UUID> conversations) {
        Map<UUID, List<String>> tags = new HashMap<>();
        if (conversations.isEmpty()) {
            return tags;
        }
        String placeholders = String.join(", ", conversations.stream().map(id -> "?").toList());
        jdbc.sql("select conversation, tag from conversation_tag where conversation in (" + placeholders
                        + ") order by tag")
                .params(new ArrayList<Object>(conversations))
                .query(rs -> {
                    tags.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return tags;
    }

    private static InboxItem withTags(InboxItem item, Map<UUID, List<String>> tags) {
        return new InboxItem(item.id(), item.number(), item.subject(), item.requesterName(), item.requesterEmail(),
                item.channel(), item.status(), item.priority(), item.assignee(), item.team(), item.waitingSince(),
                item.updatedAt(), tags.getOrDefault(item.id(), List.of()));
    }

    private record Row(InboxItem item, Instant rank) {
    }

    private static Row row(ResultSet rs, int index) throws SQLException {
        UUID assignee = rs.getObject("assignee", UUID.class);
        UUID team = rs.getObject("team", UUID.class);
        Timestamp waiting = rs.getTimestamp("waiting_since");
        return new Row(new InboxItem(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getString("subject"),
                rs.getString("requester_name"), rs.getString("requester_email"),
                Channel.valueOf(rs.getString("channel")), Status.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")), assignee == null ? null : new Agent.AgentId(assignee),
                team == null ? null : new Team.TeamId(team), waiting == null ? null : waiting.toInstant(),
                rs.getTimestamp("updated_at").toInstant(), List.of()), rs.getTimestamp("queue_rank").toInstant());
    }

    /** Where a page ended: the last row's queue rank and number. */
    private record Cursor(Instant rank, long number) {

        static Cursor of(Row row) {
            return new Cursor(row.rank(), row.item().number());
        }

        String encode() {
            return new KeysetCursor(rank, Long.toString(number)).encode();
        }

        static Cursor parse(String encoded) {
            KeysetCursor cursor = KeysetCursor.parse(encoded);
            try {
                return new Cursor(cursor.at(), Long.parseLong(cursor.tieBreaker()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The page cursor is not valid; start from the first page.");
            }
        }
    }

    /** A WHERE clause built from conditions and their parameters. */
    private static final class Query {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        Query where(String condition, Object... values) {
            conditions.add(condition);
            params.addAll(List.of(values));
            return this;
        }

        String conditions() {
            return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        }

        List<Object> params() {
            return params;
        }
    }
}
