-- Outlook's Thread-Index threads a mail into its conversation (and a new conversation checks that its thread is not
-- taken): without an index every such look-up read all email conversations.
create index email_conversation_thread_idx on email_conversation (thread_index);
