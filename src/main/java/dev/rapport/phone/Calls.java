package dev.rapport.phone;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface Calls extends ListCrudRepository<Call, UUID> {

    Optional<Call> findByHookAndCallId(UUID hook, String callId);

    boolean existsByConversation(UUID conversation);

    List<Call> findByConversationOrderByFirstSeenAtDesc(UUID conversation);

    /** Calls first heard of in [from, to), newest first. */
    @Query("select * from phone_call where first_seen_at >= :from and first_seen_at < :to "
            + "order by first_seen_at desc limit 500")
    List<Call> heardBetween(Instant from, Instant to);

    /** Missed calls of the customer still waiting for our call back. */
    @Query("select * from phone_call where customer = :customer and call_back_promise is not null "
            + "and called_back_at is null")
    List<Call> awaitingCallBack(UUID customer);

    /** Missed calls still waiting for a call back whose promise lives on the conversation. */
    @Query("select * from phone_call where conversation = :conversation and call_back_promise is not null "
            + "and called_back_at is null")
    List<Call> awaitingCallBackOn(UUID conversation);
}
