package dev.rapport.authority;

import dev.rapport.agents.Role;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface AuthorityLimitRows extends ListCrudRepository<AuthorityLimit, UUID> {

    Optional<AuthorityLimit> findByRole(Role role);

    Optional<AuthorityLimit> findByAgent(UUID agent);

    List<AuthorityLimit> findByAgentIsNotNull();
}
