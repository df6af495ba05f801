package dev.rapport.authority.web;

import dev.rapport.authority.ApprovalRequest;

/**
 * An approval request as a page shows it: with its conversation's number and customer, how long it has waited, and
 * whether the viewer may decide it.
 */
record ApprovalView(ApprovalRequest request, Long conversationNumber, String customerName, String waiting,
                    boolean mayDecide, boolean late) {
}
