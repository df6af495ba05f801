package dev.rapport.conversations;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.UUID;

interface Messages extends ListCrudRepository<Message, UUID> {

    List<Message> findByConversationOrderByCreatedAtAscIdAsc(UUID conversation);
}
