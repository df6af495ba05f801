-- Each promise's first work deadline, for the promises report: a promise counts in the period it first fell due, and
-- a renegotiation moves the deadline on the promise itself. The ledger writes a row as it makes a promise. Promises
-- made before this migration get the deadline they have now (for one renegotiated since, its newer date).
create table promise_first_deadline
(
    promise uuid                     not null primary key references promise (id) on delete cascade,
    due_at  timestamp with time zone not null
);
insert into promise_first_deadline (promise, due_at)
select id, due_at
from promise;
create index promise_first_deadline_due_idx on promise_first_deadline (due_at, promise);
