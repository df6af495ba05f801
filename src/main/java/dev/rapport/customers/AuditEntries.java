package dev.rapport.customers;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.UUID;

interface AuditEntries extends ListCrudRepository<AuditEntry, UUID> {

    List<AuditEntry> findByCustomerOrderByCreatedAtDesc(UUID customer);
}
