package dev.rapport.escalation;

/** The agent may not do this: the conversation, request or report is not theirs to see. */
public class NotYours extends RuntimeException {

    public NotYours(String message) {
        super(message);
    }
}
