package dev.rapport.authority;

/** A grant that is not well formed, with the field at fault ({@code amount}, {@code reason}, {@code customerId}...). */
public class GrantRejected extends IllegalArgumentException {

    private final String field;

    public GrantRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
