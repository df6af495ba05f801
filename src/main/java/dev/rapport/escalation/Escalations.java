package dev.rapport.escalation;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

import java.util.Collection;

import java.util.List;
import java.util.UUID;

interface Escalations extends ListCrudRepository<Escalation, UUID> {

    List<Escalation> findByConversationOrderByEscalatedAtAsc(UUID conversation);

    @Query("select * from escalation where to_agent = :agent or to_team in (:teams)"
            + " order by escalated_at desc, id limit 30")
    List<Escalation> newestTo(@Param("agent") UUID agent, @Param("teams") Collection<UUID> teams);
}
