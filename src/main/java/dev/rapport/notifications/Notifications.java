package dev.rapport.notifications;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.UUID;

interface Notifications extends ListCrudRepository<Notification, UUID> {

    List<Notification> findByAgentOrderByCreatedAtDesc(UUID agent, Limit limit);

    List<Notification> findByAgentAndReadAtIsNull(UUID agent);

    long countByAgentAndReadAtIsNull(UUID agent);
}
