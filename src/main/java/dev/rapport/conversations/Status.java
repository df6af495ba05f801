package dev.rapport.conversations;

/** Where a conversation stands. The first four are open: someone still has to do something. */
public enum Status {

    NEW("New", true), OPEN("Open", true), WAITING_ON_CUSTOMER("Waiting on customer", true),
    WAITING_ON_US("Waiting on us", true), SOLVED("Solved", false), CLOSED("Closed", false);

    private final String label;
    private final boolean open;

    Status(String label, boolean open) {
        this.label = label;
        this.open = open;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return open;
    }
}
