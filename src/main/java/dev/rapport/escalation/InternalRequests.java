package dev.rapport.escalation;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface InternalRequests extends ListCrudRepository<InternalRequest, UUID> {

    List<InternalRequest> findByConversationOrderByAskedAtAsc(UUID conversation);

    @Query("select * from internal_request where answered_at is null"
            + " and (asked_agent = :agent or asked_team in (:teams)) order by due_at, id")
    List<InternalRequest> openFor(@Param("agent") UUID agent, @Param("teams") Collection<UUID> teams);

    @Query("select * from internal_request where answered_at is not null"
            + " and (asked_agent = :agent or asked_team in (:teams) or answered_by = :agent)"
            + " order by answered_at desc, id limit 20")
    List<InternalRequest> recentlyAnsweredFor(@Param("agent") UUID agent, @Param("teams") Collection<UUID> teams);
}
