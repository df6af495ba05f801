package dev.rapport.coach.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.coach.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Records the coach findings agents dismiss ("I meant it"), so the rules dismissed most can be tuned. */
@Component
class Dismissals {

    private final JdbcClient jdbc;
    private final Clock clock;

    Dismissals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void record(SignedInAgent agent, String ruleId, Category category, Long conversation, String words) {
        jdbc.sql("insert into coach_dismissal (id, agent, rule_id, category, conversation, words, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), agent.id().value(), cut(ruleId, 120), category.name(), conversation,
                        cut(words == null ? "" : words, 300), java.time.OffsetDateTime.ofInstant(clock.instant(),
                                java.time.ZoneOffset.UTC))
                .update();
    }

    /** How often each rule was dismissed, most first. */
    @Transactional(readOnly = true)
    List<Count> mostDismissed(int limit) {
        return jdbc.sql("select rule_id, category, count(*) n from coach_dismissal group by rule_id, category "
                        + "order by n desc, rule_id")
                .query((rs, i) -> new Count(rs.getString(1), Category.valueOf(rs.getString(2)), rs.getLong(3)))
                .list().stream().limit(limit).toList();
    }

    record Count(String ruleId, Category category, long times) {
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
