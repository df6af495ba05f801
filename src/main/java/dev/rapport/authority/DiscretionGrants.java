package dev.rapport.authority;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface DiscretionGrants extends ListCrudRepository<DiscretionGrant, UUID> {

    /** The newest first: the first page leads see. */
    @Query("select * from discretion_grant order by granted_at desc, id desc limit :size")
    List<DiscretionGrant> newest(int size);

    /** Newest first, older than a grant (by time, then id): the pages after the first. */
    @Query("select * from discretion_grant where (granted_at, id) < (:at, :id) "
            + "order by granted_at desc, id desc limit :size")
    List<DiscretionGrant> newestBefore(Instant at, UUID id, int size);

    /** A budget month's grants, newest first. */
    @Query("select * from discretion_grant where budget_month = :month order by granted_at desc, id desc limit :size")
    List<DiscretionGrant> inMonth(String month, int size);
}
