package dev.rapport.authority;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface DiscretionGrants extends ListCrudRepository<DiscretionGrant, UUID> {

    /** Newest first, before a time: what leads look through. */
    @Query("select * from discretion_grant where granted_at < :before order by granted_at desc, id desc limit :size")
    List<DiscretionGrant> newestBefore(Instant before, int size);
}
