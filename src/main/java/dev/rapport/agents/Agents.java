package dev.rapport.agents;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface Agents extends ListCrudRepository<Agent, UUID> {

    Optional<Agent> findByEmail(String email);

    boolean existsByEmail(String email);

    List<Agent> findAllByOrderByActiveDescNameAsc();

    long countByRoleAndActive(Role role, boolean active);

}
