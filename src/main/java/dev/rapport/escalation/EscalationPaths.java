package dev.rapport.escalation;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface EscalationPaths extends ListCrudRepository<EscalationPath, UUID> {

    Optional<EscalationPath> findByTopic(String topic);

    List<EscalationPath> findAllByOrderByTopicAsc();
}
