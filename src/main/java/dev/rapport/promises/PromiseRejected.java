package dev.rapport.promises;

/**
 * A promise that cannot be made or changed as asked, with the field at fault ({@code what}, {@code owner},
 * {@code dueAt}, {@code contactBy}, {@code contactAt}, {@code conversationId}) so forms and the API can say where.
 */
public class PromiseRejected extends IllegalArgumentException {

    private final String field;

    public PromiseRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
