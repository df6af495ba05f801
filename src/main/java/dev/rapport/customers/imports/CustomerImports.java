package dev.rapport.customers.imports;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.UUID;

interface CustomerImports extends ListCrudRepository<CustomerImport, UUID> {

    List<CustomerImport> findTop20ByOrderByCreatedAtDesc();

    List<CustomerImport> findByStatus(CustomerImport.Status status);
}
