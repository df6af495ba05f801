package dev.rapport.customers.imports;

/** A CSV file that cannot be imported at all; the message says why in words for the person who uploaded it. */
public class UnreadableCsv extends IllegalArgumentException {

    UnreadableCsv(String message) {
        super(message);
    }
}
