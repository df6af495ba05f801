package dev.rapport.escalation;

/** Bad input for a path, an escalation, a request or an answer; names the form field it is about. */
public class EscalationRejected extends RuntimeException {

    private final String field;

    public EscalationRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
