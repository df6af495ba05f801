package dev.rapport.customers;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A field the admin adds to every customer, such as "Customer type" with the choices dealer and end user. Its key
 * names it in the API and in imports; a retired attribute is hidden but its values are kept.
 */
public class AttributeDefinition {

    static final int MAX_CHOICES = 50;

    private final @Id UUID id;
    private final String attributeKey;
    private String label;
    private final AttributeType type;
    private String choices;
    private int position;
    private boolean retired;
    private final Instant createdAt;
    private @Version Long version;

    @PersistenceCreator
    AttributeDefinition(UUID id, String attributeKey, String label, AttributeType type, String choices, int position,
                        boolean retired, Instant createdAt, Long version) {
        this.id = id;
        this.attributeKey = attributeKey;
        this.label = label;
        this.type = type;
        this.choices = choices == null ? "" : choices;
        this.position = position;
        this.retired = retired;
        this.createdAt = createdAt;
        this.version = version;
    }

    static AttributeDefinition define(String label, AttributeType type, String choices, int position, Instant now) {
        String cleanLabel = requireLabel(label);
        AttributeDefinition definition = new AttributeDefinition(UUID.randomUUID(), keyFor(cleanLabel), cleanLabel,
                type, "", position, false, now, null);
        definition.offer(choices);
        return definition;
    }

    void relabel(String label, String choices) {
        this.label = requireLabel(label);
        offer(choices);
    }

    void retire() {
        this.retired = true;
    }

    void restore() {
        this.retired = false;
    }

    private void offer(String choices) {
        if (type != AttributeType.CHOICE) {
            this.choices = "";
            return;
        }
        List<String> list = split(choices);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("List the choices, one per line.");
        }
        if (list.size() > MAX_CHOICES) {
            throw new IllegalArgumentException("At most " + MAX_CHOICES + " choices.");
        }
        if (list.stream().anyMatch(choice -> choice.length() > 100)) {
            throw new IllegalArgumentException("Each choice is 100 characters at most.");
        }
        this.choices = String.join("\n", list);
    }

    /** The stored form of a value typed for this attribute. */
    public String normalise(String raw) {
        try {
            return type.normalise(raw, choices());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage() + ".");
        }
    }

    /** "Customer type" becomes {@code customer_type}: lower case letters, digits and underscores. */
    static String keyFor(String label) {
        String ascii = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String key = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("Give the attribute a name with letters or digits.");
        }
        return key.length() > 40 ? key.substring(0, 40) : key;
    }

    private static List<String> split(String choices) {
        if (choices == null) {
            return List.of();
        }
        return Arrays.stream(choices.split("[\\n,]")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }

    private static String requireLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("Give the attribute a name.");
        }
        String stripped = label.strip();
        if (stripped.length() > 80) {
            throw new IllegalArgumentException("The name is 80 characters at most.");
        }
        return stripped;
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return attributeKey;
    }

    public String label() {
        return label;
    }

    public AttributeType type() {
        return type;
    }

    public List<String> choices() {
        return split(choices);
    }

    public int position() {
        return position;
    }

    public boolean retired() {
        return retired;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
