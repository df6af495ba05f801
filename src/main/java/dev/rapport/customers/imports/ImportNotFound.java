package dev.rapport.customers.imports;

import java.util.UUID;

/** No import with that id. */
public class ImportNotFound extends RuntimeException {

    ImportNotFound(UUID id) {
        super("No customer import " + id);
    }
}
