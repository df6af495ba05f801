package dev.rapport.customers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The attributes an admin defines for customers, and the check of values typed for them: a value must fit its
 * attribute's type, and only defined, current attributes take values.
 */
@Service
@Transactional
public class CustomerAttributes {

    private final AttributeDefinitions definitions;
    private final Clock clock;

    CustomerAttributes(AttributeDefinitions definitions, Clock clock) {
        this.definitions = definitions;
        this.clock = clock;
    }

    /** All attributes, retired ones included, in the admin's order. */
    @Transactional(readOnly = true)
    public List<AttributeDefinition> all() {
        return definitions.findAllByOrderByPositionAscLabelAsc();
    }

    /** The attributes agents fill in. */
    @Transactional(readOnly = true)
    public List<AttributeDefinition> current() {
        return all().stream().filter(definition -> !definition.retired()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AttributeDefinition> byKey(String key) {
        return definitions.findByAttributeKey(key);
    }

    /**
     * @param choices for a choice attribute, one per line (or separated by commas)
     * @throws IllegalArgumentException when the name is missing or taken, or a choice attribute has no choices
     */
    public AttributeDefinition define(String label, String type, String choices) {
        AttributeDefinition definition = AttributeDefinition.define(label, AttributeType.parse(type == null ? "" : type),
                choices, all().size(), clock.instant());
        if (definitions.findByAttributeKey(definition.key()).isPresent()) {
            throw new IllegalArgumentException("There is already an attribute called \"" + definition.label()
                    + "\".");
        }
        return definitions.save(definition);
    }

    public AttributeDefinition change(UUID id, String label, String choices) {
        AttributeDefinition definition = require(id);
        definition.relabel(label, choices);
        return definitions.save(definition);
    }

    /** Hides the attribute from agents and the API; values stay and come back with {@link #restore}. */
    public AttributeDefinition retire(UUID id) {
        AttributeDefinition definition = require(id);
        definition.retire();
        return definitions.save(definition);
    }

    public AttributeDefinition restore(UUID id) {
        AttributeDefinition definition = require(id);
        definition.restore();
        return definitions.save(definition);
    }

    /**
     * The stored form of each value, by key; a blank or null value means "clear it".
     *
     * @throws InvalidAttributes naming every value that does not fit, so the form can show them all at once
     */
    @Transactional(readOnly = true)
    public Map<String, String> check(Map<String, String> values) {
        Map<String, AttributeDefinition> known = new LinkedHashMap<>();
        current().forEach(definition -> known.put(definition.key(), definition));
        Map<String, String> checked = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        values.forEach((key, raw) -> {
            AttributeDefinition definition = known.get(key);
            if (definition == null) {
                problems.put(key, "There is no attribute \"" + key + "\".");
            } else if (raw == null || raw.isBlank()) {
                checked.put(key, null);
            } else {
                try {
                    checked.put(key, definition.normalise(raw));
                } catch (IllegalArgumentException e) {
                    problems.put(key, e.getMessage());
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidAttributes(problems);
        }
        return checked;
    }

    private AttributeDefinition require(UUID id) {
        return definitions.findById(id).orElseThrow(() -> new IllegalArgumentException("That attribute is gone."));
    }
}
