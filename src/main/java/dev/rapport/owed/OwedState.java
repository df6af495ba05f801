package dev.rapport.owed;

/** An entry is owed until it is paid (with the payment's reference) or cancelled (with why); both are final. */
public enum OwedState {
    OWED, PAID, CANCELLED
}
