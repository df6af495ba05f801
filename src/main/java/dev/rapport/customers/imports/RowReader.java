package dev.rapport.customers.imports;

import dev.rapport.customers.AttributeDefinition;
import dev.rapport.customers.CustomerIdentity;
import dev.rapport.customers.Identities;
import dev.rapport.customers.IdentityKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads one CSV row through the mapping into an {@link ImportedCustomer}, checking every cell the way the customer
 * page would. A row with any bad cell is refused as a whole, with every reason, so nothing half-right is stored.
 */
final class RowReader {

    private static final BigDecimal MAX_SPEND = new BigDecimal("999999999999.99");

    private final ImportMapping mapping;
    private final int headings;
    private final Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
    private final Identities identities;

    RowReader(ImportMapping mapping, int headings, List<AttributeDefinition> attributes, Identities identities) {
        this.mapping = mapping;
        this.headings = headings;
        attributes.forEach(a -> this.attributes.put(a.key(), a));
        this.identities = identities;
    }

    /** A row read, or the reasons it was refused. */
    sealed interface Result permits Read, Refused {
    }

    record Read(ImportedCustomer customer) implements Result {
    }

    record Refused(String reason) implements Result {
    }

    Result read(CsvFile.Row row) {
        if (row.cells().size() > headings) {
            return new Refused("It has " + row.cells().size() + " cells but there are " + headings
                    + " column headings; a separator inside a cell needs quotes around the cell.");
        }
        List<String> problems = new ArrayList<>();
        Fields fields = new Fields();
        List<String> targets = mapping.targets();
        for (int column = 0; column < targets.size(); column++) {
            String cell = row.cell(column).strip();
            if (cell.isEmpty()) {
                continue;
            }
            try {
                fields.take(targets.get(column), cell);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        String name = fields.name();
        if (name == null) {
            problems.addFirst("The name is missing.");
        }
        if (!problems.isEmpty()) {
            return new Refused(String.join(" ", problems));
        }
        return new Read(new ImportedCustomer(row.number(), name, fields.preferredName, fields.pronunciation,
                fields.language, fields.timeZone, fields.organisation, fields.segment, fields.lifetimeSpend,
                fields.spendLast30Days, List.copyOf(fields.found), List.copyOf(fields.passions),
                List.copyOf(fields.notes), Map.copyOf(fields.attributes)));
    }

    /** The cells of one row as they are taken in. */
    private final class Fields {
        String fullName;
        String firstName;
        String lastName;
        String preferredName;
        String pronunciation;
        String language;
        String timeZone;
        String organisation;
        String segment;
        BigDecimal lifetimeSpend;
        BigDecimal spendLast30Days;
        final Set<CustomerIdentity> found = new LinkedHashSet<>();
        final List<String> passions = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Map<String, String> attributes = new LinkedHashMap<>();

        void take(String target, String cell) {
            if (target.startsWith(ImportMapping.ATTRIBUTE)) {
                AttributeDefinition attribute = RowReader.this.attributes.get(
                        target.substring(ImportMapping.ATTRIBUTE.length()));
                attributes.put(attribute.key(), attribute.normalise(cell));
                return;
            }
            switch (ImportMapping.field(target)) {
                case IGNORE -> {
                }
                case NAME -> fullName = limited("The name", cell, 200);
                case FIRST_NAME -> firstName = limited("The first name", cell, 100);
                case LAST_NAME -> lastName = limited("The last name", cell, 100);
                case PREFERRED_NAME -> preferredName = limited("What they like to be called", cell, 100);
                case PRONUNCIATION -> pronunciation = limited("How to say it", cell, 200);
                case EMAIL -> found.add(identity(IdentityKind.EMAIL, cell));
                case PHONE -> found.add(identity(IdentityKind.PHONE, cell));
                case EXTERNAL_ID -> found.add(identity(IdentityKind.EXTERNAL, cell));
                case ORGANISATION -> organisation = limited("The organisation", cell, 200);
                case SEGMENT -> segment = limited("The segment", cell, 60);
                case LANGUAGE -> language = limited("The language", cell, 35);
                case TIME_ZONE -> timeZone = zone(cell);
                case LIFETIME_SPEND -> lifetimeSpend = money("The lifetime spend", cell);
                case SPEND_LAST_30_DAYS -> spendLast30Days = money("The spend in the last 30 days", cell);
                case PASSIONS -> Arrays.stream(cell.split(";")).map(String::strip).filter(p -> !p.isEmpty())
                        .forEach(p -> passions.add(limited("A passion", p, 300)));
                case NOTE -> notes.add(limited("The note", cell, 5000));
            }
        }

        String name() {
            if (fullName != null) {
                return fullName;
            }
            String joined = String.join(" ", Stream.of(firstName, lastName)
                    .filter(Objects::nonNull).toList());
            return joined.isEmpty() ? null : joined;
        }

        private CustomerIdentity identity(IdentityKind kind, String cell) {
            return identities.normalise(kind, cell);
        }
    }

    private static String zone(String cell) {
        try {
            return ZoneId.of(cell).getId();
        } catch (DateTimeException e) {
            return fail("\"" + cell + "\" is not a time zone; write it like Europe/London.");
        }
    }

    private static BigDecimal money(String what, String cell) {
        String plain = cell.replaceAll("[\\s$€£¥]", "");
        if (plain.matches("-?\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?|-?\\d+,\\d{1,2}")) {
            plain = plain.replace(".", "").replace(',', '.');
        } else {
            plain = plain.replace(",", "");
        }
        try {
            BigDecimal amount = new BigDecimal(plain).setScale(2, RoundingMode.HALF_UP);
            if (amount.signum() < 0) {
                return fail(what + " cannot be negative.");
            }
            if (amount.compareTo(MAX_SPEND) > 0) {
                return fail(what + " is too large.");
            }
            return amount;
        } catch (NumberFormatException e) {
            return fail(what + " \"" + cell + "\" is not an amount.");
        }
    }

    private static String limited(String what, String cell, int max) {
        if (cell.length() > max) {
            return fail(what + " is longer than " + max + " characters.");
        }
        return cell;
    }

    private static <T> T fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
