package dev.rapport.customers;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;
import java.util.UUID;

interface Organisations extends ListCrudRepository<Organisation, UUID> {

    Optional<Organisation> findByName(String name);
}
