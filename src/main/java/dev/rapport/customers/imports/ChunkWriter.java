package dev.rapport.customers.imports;

import dev.rapport.customers.CustomerIdentity;
import dev.rapport.customers.IdentityKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a chunk of checked rows as customers with batched inserts (one round trip per table, not per row), inside
 * the caller's transaction. Rows whose email, phone or id already belongs to a customer are not written and come
 * back with the reason.
 */
@Component
class ChunkWriter {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    ChunkWriter(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, DataSource dataSource) {
        this.jdbc = jdbc;
        this.named = named;
        this.dataSource = dataSource;
    }

    /** Who the passions and notes of an import were learned from. */
    record Author(UUID id, String name) {
    }

    /** @return the rows refused because an identity is taken, by row number */
    Map<Integer, String> write(List<ImportedCustomer> rows, Author author, Instant now) {
        Map<Integer, String> refused = new LinkedHashMap<>();
        Map<String, Long> owners = ownersOf(rows);
        List<ImportedCustomer> accepted = new ArrayList<>();
        for (ImportedCustomer row : rows) {
            String taken = row.identities().stream().filter(i -> owners.containsKey(key(i)))
                    .map(i -> "The " + i.kind().label().toLowerCase() + " " + i.display() + " belongs to Customer #"
                            + owners.get(key(i)) + " already.")
                    .collect(Collectors.joining(" "));
            if (taken.isEmpty()) {
                accepted.add(row);
            } else {
                refused.put(row.row(), taken);
            }
        }
        if (!accepted.isEmpty()) {
            insert(accepted, author, now);
        }
        return refused;
    }

    private void insert(List<ImportedCustomer> rows, Author author, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Map<String, UUID> organisations = organisations(rows, at);
        List<Long> numbers = numbers(rows.size());
        List<Object[]> customers = new ArrayList<>();
        List<Object[]> identities = new ArrayList<>();
        List<Object[]> passions = new ArrayList<>();
        List<Object[]> notes = new ArrayList<>();
        List<Object[]> attributes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportedCustomer row = rows.get(i);
            UUID id = UUID.randomUUID();
            customers.add(new Object[]{id, numbers.get(i), row.name(), row.preferredName(), row.pronunciation(),
                    row.language(), row.timeZone(), row.organisation() == null ? null
                    : organisations.get(row.organisation()), row.segment(), row.lifetimeSpend(),
                    row.spendLast30Days(), at, at});
            row.identities().forEach(identity -> identities.add(new Object[]{id, identity.kind().name(),
                    identity.value()}));
            row.passions().forEach(text -> passions.add(new Object[]{UUID.randomUUID(), id, text, author.id(),
                    author.name(), at}));
            row.notes().forEach(body -> notes.add(new Object[]{UUID.randomUUID(), id, body, author.id(),
                    author.name(), at}));
            row.attributes().forEach((key, content) -> attributes.add(new Object[]{id, key, content}));
        }
        jdbc.batchUpdate("insert into customer (id, number, name, preferred_name, pronunciation, language, "
                + "time_zone, organisation, segment, lifetime_spend, spend_last30_days, do_not_contact, created_at, "
                + "updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 0)", customers);
        jdbc.batchUpdate("insert into customer_identity (customer, kind, address) values (?, ?, ?)", identities);
        jdbc.batchUpdate("insert into passion (id, customer, text, learned_by, learned_by_name, learned_at) "
                + "values (?, ?, ?, ?, ?, ?)", passions);
        jdbc.batchUpdate("insert into customer_note (id, customer, body, author, author_name, pinned, created_at) "
                + "values (?, ?, ?, ?, ?, false, ?)", notes);
        jdbc.batchUpdate("insert into customer_attribute (customer, attribute, content) values (?, ?, ?)",
                attributes);
    }

    /** Who already has any of the rows' identities, by {@link #key}; one indexed query per kind of identity. */
    private Map<String, Long> ownersOf(List<ImportedCustomer> rows) {
        Map<IdentityKind, Set<String>> byKind = rows.stream().flatMap(row -> row.identities().stream())
                .collect(Collectors.groupingBy(CustomerIdentity::kind,
                        Collectors.mapping(CustomerIdentity::value, Collectors.toSet())));
        Map<String, Long> owners = new HashMap<>();
        byKind.forEach((kind, addresses) -> named.query("select i.address, c.number from customer_identity i "
                        + "join customer c on c.id = i.customer where i.kind = :kind and i.address in (:addresses)",
                Map.of("kind", kind.name(), "addresses", addresses),
                rs -> {
                    owners.put(kind.name() + ":" + rs.getString(1), rs.getLong(2));
                }));
        return owners;
    }

    private Map<String, UUID> organisations(List<ImportedCustomer> rows, OffsetDateTime at) {
        Set<String> names = rows.stream().map(ImportedCustomer::organisation).filter(name -> name != null)
                .collect(Collectors.toSet());
        Map<String, UUID> ids = new HashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        named.query("select id, name from organisation where name in (:names)", Map.of("names", names),
                rs -> {
                    ids.put(rs.getString(2), rs.getObject(1, UUID.class));
                });
        List<Object[]> created = new ArrayList<>();
        for (String name : names) {
            if (!ids.containsKey(name)) {
                UUID id = UUID.randomUUID();
                ids.put(name, id);
                created.add(new Object[]{id, name, at});
            }
        }
        jdbc.batchUpdate("insert into organisation (id, name, created_at, version) values (?, ?, ?, 0)", created);
        return ids;
    }

    /** The next {@code count} customer numbers, in one round trip. */
    private List<Long> numbers(int count) {
        if (postgres == null) {
            postgres = isPostgres(dataSource);
        }
        String sql = postgres ? "select nextval('customer_number') from generate_series(1, ?)"
                : "select next value for customer_number from system_range(1, ?)";
        return jdbc.queryForList(sql, Long.class, count);
    }

    static String key(CustomerIdentity identity) {
        return identity.kind().name() + ":" + identity.value();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }
}
