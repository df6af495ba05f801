package dev.rapport.customers.imports;

import dev.rapport.customers.AttributeDefinition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which customer field each CSV column fills, by column position: a field name such as {@code EMAIL}, or
 * {@code attribute:<key>} for an attribute the admin defined. Stored with the import as one line.
 */
public record ImportMapping(List<String> targets) {

    static final String ATTRIBUTE = "attribute:";

    public ImportMapping {
        targets = List.copyOf(targets);
    }

    /** The mapping a person would most likely choose, from the headings and the attributes there are. */
    static ImportMapping guess(List<String> headings, List<AttributeDefinition> attributes) {
        List<String> targets = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String heading : headings) {
            String target = attributes.stream()
                    .filter(a -> ImportField.plain(a.label()).equals(ImportField.plain(heading))
                            || a.key().equals(heading.strip()))
                    .map(a -> ATTRIBUTE + a.key()).findFirst()
                    .orElseGet(() -> ImportField.guess(heading).name());
            boolean repeatable = !target.startsWith(ATTRIBUTE) && ImportField.valueOf(target).repeatable();
            if (!repeatable && !target.equals(ImportField.IGNORE.name()) && !taken.add(target)) {
                target = ImportField.IGNORE.name();
            }
            targets.add(target);
        }
        return new ImportMapping(targets);
    }

    /**
     * @throws IllegalArgumentException naming what is wrong: no name column, a field chosen twice, an unknown target
     */
    ImportMapping validate(int columns, List<AttributeDefinition> attributes) {
        if (targets.size() != columns) {
            throw new IllegalArgumentException("Choose a field for each of the " + columns + " columns.");
        }
        Set<String> seen = new HashSet<>();
        for (String target : targets) {
            if (target.startsWith(ATTRIBUTE)) {
                String key = target.substring(ATTRIBUTE.length());
                if (attributes.stream().noneMatch(a -> a.key().equals(key))) {
                    throw new IllegalArgumentException("There is no customer field \"" + key + "\".");
                }
            } else {
                ImportField field = field(target);
                if (field == ImportField.IGNORE || field.repeatable()) {
                    continue;
                }
            }
            if (!seen.add(target)) {
                throw new IllegalArgumentException("\"" + label(target, attributes) + "\" is chosen for two columns; "
                        + "choose it once.");
            }
        }
        boolean named = seen.contains(ImportField.NAME.name()) || seen.contains(ImportField.FIRST_NAME.name())
                || seen.contains(ImportField.LAST_NAME.name());
        if (!named) {
            throw new IllegalArgumentException("Choose the column that holds the customer's name (or first and last "
                    + "name).");
        }
        return this;
    }

    String serialise() {
        return String.join("\n", targets);
    }

    static ImportMapping parse(String stored) {
        return new ImportMapping(stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n")));
    }

    static ImportField field(String target) {
        try {
            return ImportField.valueOf(target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + target + "\" is not a customer field.");
        }
    }

    private static String label(String target, List<AttributeDefinition> attributes) {
        if (target.startsWith(ATTRIBUTE)) {
            String key = target.substring(ATTRIBUTE.length());
            return attributes.stream().filter(a -> a.key().equals(key)).map(AttributeDefinition::label).findFirst()
                    .orElse(key);
        }
        return field(target).label();
    }
}
