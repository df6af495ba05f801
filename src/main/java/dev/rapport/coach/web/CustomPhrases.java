package dev.rapport.coach.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.coach.Category;
import dev.rapport.coach.Coach;
import dev.rapport.coach.PhraseRule;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The phrases admins add to the coach, kept in the database and handed to the coach at start-up and after every
 * change, so a new phrase is flagged in the very next analysis.
 */
@Component
class CustomPhrases {

    private final JdbcClient jdbc;
    private final Coach coach;
    private final Clock clock;

    CustomPhrases(JdbcClient jdbc, Coach coach, Clock clock) {
        this.jdbc = jdbc;
        this.coach = coach;
        this.clock = clock;
    }

    /** A rule the admin added, as listed on the admin page. */
    record Stored(UUID id, PhraseRule rule, String createdBy) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        coach.useCustomRules(all().stream().map(Stored::rule).toList());
    }

    @Transactional(readOnly = true)
    List<Stored> all() {
        return jdbc.sql("select id, rule_id, category, phrases, why, suggestion, replacement, created_by_name "
                        + "from coach_rule order by created_at")
                .query((rs, i) -> new Stored(rs.getObject(1, UUID.class), new PhraseRule(rs.getString(2),
                        Category.valueOf(rs.getString(3)), Arrays.asList(rs.getString(4).split("\n")),
                        rs.getString(5), rs.getString(6), rs.getString(7)), rs.getString(8)))
                .list();
    }

    /**
     * Builds the rule an admin typed, with an id made from its category and first phrase.
     *
     * @throws IllegalArgumentException naming what is missing or not valid
     */
    PhraseRule draft(String category, String phrases, String why, String suggestion, String replacement) {
        Category parsed;
        try {
            parsed = Category.valueOf(category);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Choose the kind of slip the phrase shows.");
        }
        List<String> lines = phrases == null ? List.of() : phrases.lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("Write the phrase to look for.");
        }
        if (lines.stream().anyMatch(line -> line.length() > 200)) {
            throw new IllegalArgumentException("A phrase is 200 characters at most.");
        }
        String slug = lines.getFirst().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        String id = ("custom." + parsed.name().toLowerCase(Locale.ROOT).replace('_', '-') + "."
                + (slug.isEmpty() ? "phrase" : slug));
        id = id.length() > 90 ? id.substring(0, 90) : id;
        return new PhraseRule(id, parsed, lines, blankToNull(why), blankToNull(suggestion), blankToNull(replacement));
    }

    @Transactional
    PhraseRule add(PhraseRule rule, SignedInAgent by) {
        String id = rule.id();
        for (int n = 2; exists(id); n++) {
            id = rule.id() + "-" + n;
        }
        PhraseRule stored = new PhraseRule(id, rule.category(), rule.phrases(), rule.why(), rule.suggestion(),
                rule.replacement());
        coach.trial(stored, "check", dev.rapport.coach.Kind.REPLY, java.util.Optional.empty());
        jdbc.sql("insert into coach_rule (id, rule_id, category, phrases, why, suggestion, replacement, "
                        + "created_by_name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), stored.id(), stored.category().name(), String.join("\n", stored.phrases()),
                        stored.why(), stored.suggestion(), stored.replacement(), by.name(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        load();
        return stored;
    }

    @Transactional
    void remove(UUID id) {
        jdbc.sql("delete from coach_rule where id = ?").param(id).update();
        load();
    }

    private boolean exists(String ruleId) {
        return jdbc.sql("select count(*) from coach_rule where rule_id = ?").param(ruleId).query(Long.class)
                .single() > 0;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
