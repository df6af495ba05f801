-- Promises made to customers, and each one's history. Deadline checks read pending promises by their next deadline.
create table promise
(
    id           uuid                     not null primary key,
    conversation uuid,
    customer     uuid,
    what         varchar(300)             not null,
    owner        uuid,
    owner_team   uuid,
    contact_by   uuid,
    made_by      varchar(200)             not null,
    made_at      timestamp with time zone not null,
    state        varchar(15)              not null,
    due_at       timestamp with time zone not null,
    contact_at   timestamp with time zone not null,
    done_at      timestamp with time zone,
    contacted_at timestamp with time zone,
    broken_at    timestamp with time zone,
    resolution   varchar(1000),
    reminded_at  timestamp with time zone,
    next_reminder_at timestamp with time zone,
    version      bigint                   not null
);
create index promise_conversation_idx on promise (conversation);
create index promise_owner_state_idx on promise (owner, state);
create index promise_pending_due_idx on promise (state, due_at);
create index promise_team_state_idx on promise (owner_team, state);
create index promise_customer_idx on promise (customer);
create index promise_reminder_idx on promise (next_reminder_at);

create table promise_change
(
    promise     uuid                     not null references promise (id) on delete cascade,
    promise_key integer                  not null,
    state       varchar(15)              not null,
    at          timestamp with time zone not null,
    by_name     varchar(200)             not null,
    note        varchar(1000)            not null,
    primary key (promise, promise_key)
);
