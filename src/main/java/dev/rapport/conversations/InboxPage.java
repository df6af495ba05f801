package dev.rapport.conversations;

import java.util.List;

/**
 * A page of an inbox view and the cursor of the next page (null on the last page). Cursors are opaque to clients.
 */
public record InboxPage(List<InboxItem> items, String next) {
}
