package dev.rapport.customers;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;
import java.util.UUID;

interface Customers extends ListCrudRepository<Customer, UUID> {

    Optional<Customer> findByNumber(long number);
}
