package dev.rapport.coach;

/** What the agent is writing: a reply the customer will read, or an internal note only colleagues see. */
public enum Kind {
    REPLY, NOTE
}
