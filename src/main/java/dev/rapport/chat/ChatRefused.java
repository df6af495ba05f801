package dev.rapport.chat;

/** A visitor's request that Rapport does not carry out, with the words the widget shows them. */
public class ChatRefused extends RuntimeException {

    private final String code;

    public ChatRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A short machine-readable reason: {@code too-long}, {@code too-fast}, {@code name-required}, … */
    public String code() {
        return code;
    }
}
