package dev.rapport.authority;

/**
 * Someone may not decide (or see) this approval request: it is their own, or beyond their authority, or it is not
 * theirs to withdraw. Nothing was changed.
 */
public class NotAnApprover extends RuntimeException {

    NotAnApprover(String message) {
        super(message);
    }
}
