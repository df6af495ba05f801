package dev.rapport.authority;

import java.util.UUID;

/** Someone approved or declined {@code what} the requester asked for; the requester tells the customer. */
public record ApprovalDecided(UUID request, UUID conversation, UUID requester, String what, boolean approved,
                              String deciderName, String note) {
}
