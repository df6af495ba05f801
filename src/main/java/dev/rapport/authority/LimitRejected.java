package dev.rapport.authority;

/** A limit that cannot be set as asked, with the field at fault ({@code perCase}, {@code monthlyBudget}, ...). */
public class LimitRejected extends IllegalArgumentException {

    private final String field;

    public LimitRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
