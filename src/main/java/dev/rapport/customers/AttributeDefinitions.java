package dev.rapport.customers;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface AttributeDefinitions extends ListCrudRepository<AttributeDefinition, UUID> {

    Optional<AttributeDefinition> findByAttributeKey(String key);

    List<AttributeDefinition> findAllByOrderByPositionAscLabelAsc();
}
