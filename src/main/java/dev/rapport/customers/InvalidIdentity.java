package dev.rapport.customers;

/** An email address, phone number or id that cannot be one, with the kind it was meant to be. */
public class InvalidIdentity extends IllegalArgumentException {

    private final IdentityKind kind;

    InvalidIdentity(IdentityKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public IdentityKind kind() {
        return kind;
    }
}
