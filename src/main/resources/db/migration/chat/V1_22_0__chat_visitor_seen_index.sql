-- Agents' chat caps and the quiet-chat check read the conversations of the visitors seen in the last two days.
create index chat_visitor_seen_idx on chat_visitor (last_seen_at);
