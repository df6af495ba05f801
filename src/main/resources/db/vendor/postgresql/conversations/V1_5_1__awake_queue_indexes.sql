-- PostgreSQL only (H2 has no partial indexes; db/vendor/h2 holds its version of this step).
-- Every inbox view but "solved" asks for conversations that are not snoozed. As partial indexes of those, the queue
-- indexes answer the views and their capped counts without visiting the table (docs/benchmarks-inbox.md, finding 3).
create index conversation_awake_open_idx on conversation (is_open, queue_rank, number) where snoozed_until is null;
create index conversation_awake_assignee_idx on conversation (assignee, is_open, queue_rank, number)
    where snoozed_until is null;
create index conversation_awake_team_idx on conversation (team, is_open, queue_rank, number)
    where snoozed_until is null;
create index conversation_awake_status_idx on conversation (status, queue_rank, number) where snoozed_until is null;
drop index conversation_open_queue_idx;
drop index conversation_assignee_queue_idx;
drop index conversation_team_queue_idx;

-- The snooze alarm looks only for snoozed conversations; a full index on the column could be picked for
-- "snoozed_until is null" while the column has no statistics yet (finding 4).
drop index conversation_snoozed_idx;
create index conversation_snoozed_idx on conversation (snoozed_until) where snoozed_until is not null;
analyze conversation;
