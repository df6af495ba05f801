package dev.rapport.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The kinds of value a custom attribute holds; each knows how to read what people type into its stored form. */
public enum AttributeType {
    TEXT("Text"),
    NUMBER("Number"),
    DATE("Date"),
    CHOICE("Choice");

    static final int MAX_TEXT = 500;

    private final String label;

    AttributeType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @param choices the allowed values of a {@link #CHOICE} attribute
     * @throws IllegalArgumentException with a message for the person who typed it
     */
    String normalise(String raw, List<String> choices) {
        String value = raw.strip();
        return switch (this) {
            case TEXT -> {
                if (value.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("is longer than " + MAX_TEXT + " characters");
                }
                yield value;
            }
            case NUMBER -> {
                try {
                    yield new BigDecimal(value.replace(",", "")).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + value + "\" is not a number");
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(value).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("\"" + value + "\" is not a date; write it as 2026-03-31");
                }
            }
            case CHOICE -> choices.stream().filter(choice -> choice.equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("\"" + value + "\" is not one of "
                            + String.join(", ", choices)));
        };
    }

    static AttributeType parse(String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Choose the kind of value: text, number, date or choice.");
        }
    }
}
