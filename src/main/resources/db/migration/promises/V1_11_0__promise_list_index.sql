-- The promises API lists promises soonest deadline first, paged by keyset on (due_at, id).
create index promise_due_id_idx on promise (due_at, id);
