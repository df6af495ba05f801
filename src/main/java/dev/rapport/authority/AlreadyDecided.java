package dev.rapport.authority;

/**
 * An approval request someone already decided (or two decided at the same moment and this one came second): nothing
 * was changed, the message says who decided what.
 */
public class AlreadyDecided extends RuntimeException {

    AlreadyDecided(ApprovalRequest request) {
        super(request.deciderName().map(name -> name + " already " + request.state().label().toLowerCase()
                + (request.state() == ApprovalState.WITHDRAWN ? " this request." : " this request; nothing changed."))
                .orElse("This request was already decided; nothing changed."));
    }

    AlreadyDecided(String message) {
        super(message);
    }
}
