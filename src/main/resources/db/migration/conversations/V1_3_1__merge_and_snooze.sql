-- A merged conversation points at the one it was merged into; a snoozed one stays out of the queue until then.
alter table conversation add column merged_into bigint;
alter table conversation add column snoozed_until timestamp with time zone;
create index conversation_snoozed_idx on conversation (snoozed_until);
