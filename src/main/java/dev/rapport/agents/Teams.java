package dev.rapport.agents;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.UUID;

interface Teams extends ListCrudRepository<Team, UUID> {

    List<Team> findAllByOrderByNameAsc();

    boolean existsByNameIgnoreCase(String name);
}
