package dev.rapport.agents;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ApiTokens extends ListCrudRepository<ApiToken, UUID> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByAgentOrderByCreatedAtDesc(UUID agent);

    /**
     * Records a use at most once a minute without the version check of a save: parallel requests with one token
     * must not fail each other over a timestamp.
     */
    @Modifying
    @Query("update api_token set last_used_at = :now where id = :id"
            + " and (last_used_at is null or last_used_at <= :minuteAgo)")
    int recordUse(UUID id, Instant now, Instant minuteAgo);
}
