package dev.rapport.customers;

/** Channels on which a customer can ask not to be contacted by us first. */
public enum ContactChannel {
    EMAIL("Email"), PHONE("Phone"), SMS("Text messages");

    private final String label;

    ContactChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
