package dev.rapport.agents;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface Invitations extends ListCrudRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    List<Invitation> findByAgentAndUsedAtIsNull(UUID agent);
}
