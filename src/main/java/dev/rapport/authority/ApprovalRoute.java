package dev.rapport.authority;

import java.util.List;
import java.util.UUID;

/** Who an approval request goes to: the people with that authority, and how the customer hears of them. */
record ApprovalRoute(List<UUID> approvers, String description) {
}
