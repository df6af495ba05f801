package dev.rapport.escalation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How often conversations are escalated, to where, and how long from the escalation to the conversation's
 * resolution, over a period. Read straight from the escalations this module keeps.
 */
@Component
public class EscalationReport {

    private final JdbcClient jdbc;

    EscalationReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One escalation as the report counts it. */
    record Row(String toName, String topic, boolean handedOver, Instant escalatedAt, Instant resolvedAt) {
        Optional<Duration> toResolution() {
            return Optional.ofNullable(resolvedAt).map(resolved -> Duration.between(escalatedAt, resolved));
        }
    }

    /** The figures for one group (a destination, a topic, or all). */
    public record Line(String name, long escalations, long handedOver, long resolved, Duration medianToResolution) {
    }

    /** The period's figures: all together, by destination (most first), by topic (off-path ones as "no path"). */
    public record Figures(Instant from, Instant to, Line total, List<Line> byDestination, List<Line> byTopic) {
    }

    /** Escalations made in [from, to). */
    public Figures between(Instant from, Instant to) {
        List<Row> rows = jdbc.sql("select to_name, topic, handed_over, escalated_at, resolved_at from escalation"
                        + " where escalated_at >= ? and escalated_at < ? order by escalated_at")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
        return new Figures(from, to, line("All escalations", rows), group(rows, Row::toName),
                group(rows, row -> row.topic() == null ? "no path" : row.topic()));
    }

    private static List<Line> group(List<Row> rows, Function<Row, String> key) {
        Map<String, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(key));
        return groups.entrySet().stream().map(group -> line(group.getKey(), group.getValue()))
                .sorted(Comparator.comparingLong(Line::escalations).reversed().thenComparing(Line::name)).toList();
    }

    private static Line line(String name, List<Row> rows) {
        List<Duration> times = rows.stream().flatMap(row -> row.toResolution().stream()).sorted().toList();
        return new Line(name, rows.size(), rows.stream().filter(Row::handedOver).count(), times.size(),
                median(times));
    }

    static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
