package dev.rapport.promises.web;

/**
 * A request value the API cannot make sense of (not an id, not an instant, no such conversation), with the field or
 * query parameter it came in; answered as a 400 naming it, like a {@link dev.rapport.promises.PromiseRejected}.
 */
class InvalidParameter extends IllegalArgumentException {

    private final String field;

    InvalidParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
