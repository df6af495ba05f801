package dev.rapport.conversations;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;
import java.util.UUID;

interface Conversations extends ListCrudRepository<Conversation, UUID> {

    Optional<Conversation> findByNumber(long number);
}
