package dev.rapport.customers;

/** The ways a customer reaches us, each normalised so that one person's address is found however it is written. */
public enum IdentityKind {
    EMAIL("Email"), PHONE("Phone"), CHAT("Chat visitor"), EXTERNAL("External id");

    private final String label;

    IdentityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
