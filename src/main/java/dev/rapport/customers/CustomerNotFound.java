package dev.rapport.customers;

/** No customer has that number (or it was merged away and the caller wants only live ones). */
public class CustomerNotFound extends RuntimeException {

    CustomerNotFound(long number) {
        super("There is no customer #" + number + ".");
    }
}
