package dev.rapport.customers;

import dev.rapport.shared.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds customers by what an agent has at hand: a customer number ("#3587"), an email address or its start, a phone
 * number in any format, or part of a name or organisation. Newest customers first, paged by number (keyset).
 * <p>
 * On PostgreSQL, part of a name or organisation is found through trigram indexes when pg_trgm is installed
 * (migration 1.7.5); docs/benchmarks-customers.md has the measurements behind the query's shape.
 */
@Service
@Transactional(readOnly = true)
public class CustomerSearch {

    public static final int PAGE_SIZE = 50;

    /** One customer in the list. */
    public record Row(long number, String name, String preferredName, String organisation, String email,
                      Instant createdAt) {
    }

    /** A page of results; {@code next} continues after the last row, or is null. */
    public record Page(List<Row> rows, Long next) {
    }

    private final JdbcClient jdbc;
    private final Identities identities;
    private final boolean postgres;

    CustomerSearch(JdbcClient jdbc, Identities identities, Database database) {
        this.jdbc = jdbc;
        this.identities = identities;
        this.postgres = database.isPostgres();
    }

    public Page search(String query, Long beforeNumber, int size) {
        int limit = Math.max(1, Math.min(size, 100));
        List<String> conditions = new ArrayList<>(List.of("c.merged_into is null"));
        List<Object> params = new ArrayList<>();
        String q = query == null ? "" : query.strip();
        if (!q.isEmpty()) {
            Optional<Long> number = customerNumber(q);
            Optional<String> phone = Identities.looksLikePhone(q) ? e164(q) : Optional.empty();
            if (number.isPresent() && phone.isEmpty()) {
                conditions.add("c.number = ?");
                params.add(number.get());
            } else if (phone.isPresent()) {
                conditions.add("c.id in (select i.customer from customer_identity i where i.kind = 'PHONE' and i.address = ?)");
                params.add(phone.get());
            } else if (q.contains("@")) {
                conditions.add("c.id in (select i.customer from customer_identity i where i.kind = 'EMAIL'"
                        + " and i.address like ? escape '\\')");
                params.add(likeEscaped(q.toLowerCase(Locale.ROOT)) + "%");
            } else {
                String contains = "%" + likeEscaped(q.toLowerCase(Locale.ROOT)) + "%";
                // "= any(array(...))" rather than "in (select ...)": the organisations are looked up first, so
                // PostgreSQL can combine the three conditions' indexes (a subquery inside "or" is only a filter).
                conditions.add("(lower(c.name) like ? escape '\\' or lower(c.preferred_name) like ? escape '\\'"
                        + " or c.organisation = any(array(select o.id from organisation o"
                        + " where lower(o.name) like ? escape '\\')))");
                params.add(contains);
                params.add(contains);
                params.add(contains);
                if (postgres) {
                    // The fastest plan depends on the term: a rare one through the trigram indexes, a common one by
                    // reading the newest customers until the page is full. A prepared statement's generic plan
                    // (chosen after five runs) would use one plan for every term, so plan this search each time.
                    jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
                }
            }
        }
        if (beforeNumber != null) {
            conditions.add("c.number < ?");
            params.add(beforeNumber);
        }
        List<Row> rows = jdbc.sql("""
                        select c.number, c.name, c.preferred_name, o.name organisation, c.created_at,
                               (select min(i.address) from customer_identity i where i.customer = c.id and i.kind = 'EMAIL') email
                        from customer c left join organisation o on o.id = c.organisation
                        where %s order by c.number desc limit %d""".formatted(String.join(" and ", conditions),
                        limit + 1))
                .params(params)
                .query((rs, i) -> new Row(rs.getLong("number"), rs.getString("name"), rs.getString("preferred_name"),
                        rs.getString("organisation"), rs.getString("email"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        return new Page(page, more ? page.getLast().number() : null);
    }

    private static Optional<Long> customerNumber(String q) {
        String digits = q.startsWith("#") ? q.substring(1) : q;
        digits = digits.replace(",", "");
        return digits.matches("\\d{1,12}") ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }

    private Optional<String> e164(String q) {
        try {
            return Optional.of(identities.e164(q));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
