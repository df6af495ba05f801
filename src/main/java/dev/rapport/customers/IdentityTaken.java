package dev.rapport.customers;

/** The identity already belongs to another customer: open that customer, or merge the two. */
public class IdentityTaken extends RuntimeException {

    private final CustomerIdentity identity;
    private final long ownerNumber;

    IdentityTaken(CustomerIdentity identity, long ownerNumber) {
        super(identity.display() + " already belongs to customer #" + ownerNumber + ".");
        this.identity = identity;
        this.ownerNumber = ownerNumber;
    }

    public CustomerIdentity identity() {
        return identity;
    }

    public long ownerNumber() {
        return ownerNumber;
    }
}
