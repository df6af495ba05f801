package dev.rapport.authority;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface DiscretionGrants extends ListCrudRepository<DiscretionGrant, UUID> {

    /** Minor units an agent granted in a budget month ({@code 2026-11}) in one currency. */
    @Query("select coalesce(sum(amount_minor), 0) from discretion_grant "
            + "where agent = :agent and budget_month = :month and currency = :currency")
    long spent(UUID agent, String month, String currency);

    /** Newest first, before a time: what leads look through. */
    @Query("select * from discretion_grant where granted_at < :before order by granted_at desc, id desc limit :size")
    List<DiscretionGrant> newestBefore(Instant before, int size);
}
