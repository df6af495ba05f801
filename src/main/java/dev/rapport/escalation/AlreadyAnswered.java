package dev.rapport.escalation;

/** Someone answered the request first; the later answer is not added. */
public class AlreadyAnswered extends RuntimeException {

    AlreadyAnswered(String answeredBy) {
        super((answeredBy == null ? "Someone" : answeredBy) + " already answered this request.");
    }
}
