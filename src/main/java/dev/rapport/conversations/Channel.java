package dev.rapport.conversations;

/** Where a conversation or message came from, and so which channel delivers our replies. */
public enum Channel {

    EMAIL("Email"), CHAT("Chat"), PHONE("Phone"), WEB_FORM("Web form"), WALK_IN("Walk-in"), API("API");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
