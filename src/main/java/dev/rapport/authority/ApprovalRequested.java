package dev.rapport.authority;

import java.util.List;
import java.util.UUID;

/** An agent asked for {@code what} beyond their limits; it went to {@code approvers}. */
public record ApprovalRequested(UUID request, UUID conversation, String requesterName, String what,
                                List<UUID> approvers) {
}
