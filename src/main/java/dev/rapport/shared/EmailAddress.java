package dev.rapport.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An email address as Rapport stores and compares it: trimmed and lower-cased, so that {@code Maria@Example.com} and
 * {@code maria@example.com} are the same person.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public EmailAddress {
        Objects.requireNonNull(value, "email address");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an email address");
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    public static boolean isValid(String value) {
        return value != null && value.strip().length() <= 254 && SHAPE.matcher(value.strip()).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
