package dev.rapport.customers;

/** One way to reach a customer, already normalised ({@link Identities}); it belongs to exactly one customer. */
public record CustomerIdentity(IdentityKind kind, String address) {

    /** The identity as stored: the normalised address, number or id. */
    public String value() {
        return address;
    }

    /** How people see it: phone numbers in international format, the rest as stored. */
    public String display() {
        return kind == IdentityKind.PHONE ? Identities.displayPhone(address) : address;
    }
}
