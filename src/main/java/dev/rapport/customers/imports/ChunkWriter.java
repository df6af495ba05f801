package dev.rapport.customers.imports;

import dev.rapport.customers.CustomerIdentity;
import dev.rapport.shared.Database;
import dev.rapport.customers.IdentityKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

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

    /** Rows per insert statement: 250 rows of 13 values stay far below PostgreSQL's 32,767 parameters. */
    static final int ROWS_PER_INSERT = 250;
    static final int ADDRESSES_PER_LOOKUP = 100;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Database database;

    ChunkWriter(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Database database) {
        this.jdbc = jdbc;
        this.named = named;
        this.database = database;
    }

    /** Who the passions and notes of an import were learned from. */
    record Author(UUID id, String name) {
    }

    /** @return the rows refused because an identity is taken, by row number */
    Map<Integer, String> write(List<ImportedCustomer> rows, Author author, Instant now) {
        Map<Integer, String> refused = new LinkedHashMap<>();
        if (database.isPostgres()) {
            // A prepared statement's generic plan, made while the table was small, reads all identities for every
            // lookup once the import has grown it (about 100 ms a lookup at 200,000); plan each with its values.
            jdbc.execute("set local plan_cache_mode = force_custom_plan");
        }
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
        insertRows("customer (id, number, name, preferred_name, pronunciation, language, time_zone, organisation, "
                + "segment, lifetime_spend, spend_last30_days, do_not_contact, created_at, updated_at, version)",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 0)", customers);
        insertRows("customer_identity (customer, kind, address)", "(?, ?, ?)", identities);
        insertRows("passion (id, customer, text, learned_by, learned_by_name, learned_at)", "(?, ?, ?, ?, ?, ?)",
                passions);
        insertRows("customer_note (id, customer, body, author, author_name, pinned, created_at)",
                "(?, ?, ?, ?, ?, false, ?)", notes);
        insertRows("customer_attribute (customer, attribute, content)", "(?, ?, ?)", attributes);
    }

    /**
     * Inserts rows with multi-row {@code insert ... values (...), (...)} statements of up to {@link #ROWS_PER_INSERT}
     * rows: far fewer statements for the database to run than one per row, on PostgreSQL and H2 alike.
     */
    private void insertRows(String into, String rowTemplate, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> block = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String sql = "insert into " + into + " values "
                    + String.join(", ", java.util.Collections.nCopies(block.size(), rowTemplate));
            jdbc.update(sql, block.stream().flatMap(java.util.Arrays::stream).toArray());
        }
    }

    /**
     * Who already has any of the rows' identities, by {@link #key}. Asked per kind and in blocks of
     * {@link #ADDRESSES_PER_LOOKUP}: with a thousand addresses in one list PostgreSQL prefers reading the whole table
     * to a thousand index lookups, which made this the slowest step of an import.
     */
    private Map<String, Long> ownersOf(List<ImportedCustomer> rows) {
        Map<IdentityKind, List<String>> byKind = rows.stream().flatMap(row -> row.identities().stream())
                .collect(Collectors.groupingBy(CustomerIdentity::kind,
                        Collectors.mapping(CustomerIdentity::value, Collectors.toList())));
        Map<String, Long> owners = new HashMap<>();
        byKind.forEach((kind, addresses) -> {
            for (int from = 0; from < addresses.size(); from += ADDRESSES_PER_LOOKUP) {
                List<String> block = addresses.subList(from, Math.min(addresses.size(), from + ADDRESSES_PER_LOOKUP));
                named.query("select i.address, c.number from customer_identity i join customer c on c.id = "
                                + "i.customer where i.kind = :kind and i.address in (:addresses)",
                        Map.of("kind", kind.name(), "addresses", block),
                        rs -> {
                            owners.put(kind.name() + ":" + rs.getString(1), rs.getLong(2));
                        });
            }
        });
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
        String sql = database.isPostgres() ? "select nextval('customer_number') from generate_series(1, ?)"
                : "select next value for customer_number from system_range(1, ?)";
        return jdbc.queryForList(sql, Long.class, count);
    }

    static String key(CustomerIdentity identity) {
        return identity.kind().name() + ":" + identity.value();
    }

}
