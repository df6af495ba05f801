package dev.rapport.authority;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.UUID;

interface ApprovalRequests extends ListCrudRepository<ApprovalRequest, UUID> {

    /** Waiting ones, oldest first: the approvers' queue and the leads' page. */
    @Query("select * from approval_request where state = 'PENDING' order by filed_at, id limit :size")
    List<ApprovalRequest> pendingOldestFirst(int size);

    /** What one agent asked for, newest first. */
    @Query("select * from approval_request where requested_by = :requester order by filed_at desc limit :size")
    List<ApprovalRequest> filedBy(UUID requester, int size);

    /** Decided ones, newest decision first. */
    @Query("select * from approval_request where state <> 'PENDING' order by decided_at desc limit :size")
    List<ApprovalRequest> recentlyDecided(int size);

    List<ApprovalRequest> findByConversationOrderByFiledAtDesc(UUID conversation);
}
