package dev.rapport.owed;

/**
 * An entry that cannot be recorded or changed as asked, with the field at fault ({@code amount}, {@code currency},
 * {@code kind}, {@code reason}, {@code responsible}, {@code dueAt}, {@code customerId}, {@code conversationId},
 * {@code reference}) so forms and the API can say where.
 */
public class OwedRejected extends IllegalArgumentException {

    private final String field;

    public OwedRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
