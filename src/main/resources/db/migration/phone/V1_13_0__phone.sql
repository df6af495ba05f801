-- The phone channel: telephony hooks (a URL token kept as a hash, the signing secret sealed), what each hook received
-- (events and refusals, newest first), agents' extensions, and calls with where they landed.
create table phone_hook
(
    id                uuid                     not null primary key,
    name              varchar(200)             not null,
    team              uuid,
    token_hash        varchar(64)              not null unique,
    secret            varchar(500)             not null,
    call_back_minutes integer                  not null,
    created_at        timestamp with time zone not null,
    version           bigint                   not null
);

create table phone_hook_event
(
    id          uuid                     not null primary key,
    hook        uuid                     not null references phone_hook (id) on delete cascade,
    event_id    varchar(200),
    type        varchar(40),
    call_id     varchar(200),
    outcome     varchar(12)              not null,
    detail      varchar(1000),
    body        varchar(4000),
    received_at timestamp with time zone not null
);
create unique index phone_hook_event_id_idx on phone_hook_event (hook, event_id);
create index phone_hook_event_recent_idx on phone_hook_event (hook, received_at);

create table phone_extension
(
    agent     uuid        not null primary key,
    extension varchar(40) not null unique
);

create table phone_call
(
    id                 uuid                     not null primary key,
    hook               uuid                     not null references phone_hook (id),
    call_id            varchar(200)             not null,
    direction          varchar(10),
    from_raw           varchar(100),
    from_e164          varchar(20),
    to_raw             varchar(100),
    to_e164            varchar(20),
    number_flagged     boolean                  not null,
    customer           uuid,
    state              varchar(10)              not null,
    answered_by        uuid,
    answered_by_name   varchar(200),
    reason             varchar(12),
    duration_seconds   integer,
    recording_url      varchar(2000),
    started_at         timestamp with time zone,
    answered_at        timestamp with time zone,
    ended_at           timestamp with time zone,
    conversation       uuid,
    call_back_promise  uuid,
    called_back_at     timestamp with time zone,
    outcome            varchar(20),
    outcome_by         uuid,
    notes              varchar(5000),
    first_seen_at      timestamp with time zone not null,
    version            bigint                   not null
);
create unique index phone_call_hook_call_idx on phone_call (hook, call_id);
create index phone_call_seen_idx on phone_call (first_seen_at);
create index phone_call_customer_idx on phone_call (customer);
create index phone_call_conversation_idx on phone_call (conversation);
