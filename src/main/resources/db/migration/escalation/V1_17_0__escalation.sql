-- Escalation paths: per topic (a conversation tag) the ordered teams or people to bring in.
create table escalation_path
(
    id         uuid                     not null primary key,
    topic      varchar(60)              not null,
    name       varchar(200)             not null,
    created_at timestamp with time zone not null,
    version    bigint                   not null
);
create unique index escalation_path_topic_idx on escalation_path (topic);

create table escalation_path_step
(
    escalation_path     uuid not null references escalation_path (id) on delete cascade,
    escalation_path_key int  not null,
    agent               uuid,
    team                uuid,
    primary key (escalation_path, escalation_path_key)
);

-- Each time a conversation was escalated: to whom, why, whether the first agent handed it over, and when the
-- conversation was resolved afterwards (fed by the conversations module's events, for the report).
create table escalation
(
    id                  uuid                     not null primary key,
    conversation        uuid                     not null,
    conversation_number bigint                   not null,
    topic               varchar(60),
    step                int,
    to_agent            uuid,
    to_team             uuid,
    to_name             varchar(200)             not null,
    reason              varchar(1000)            not null,
    escalated_by        uuid                     not null,
    escalated_by_name   varchar(200)             not null,
    handed_over         boolean                  not null,
    escalated_at        timestamp with time zone not null,
    resolved_at         timestamp with time zone,
    version             bigint                   not null
);
create index escalation_conversation_idx on escalation (conversation, escalated_at);
create index escalation_agent_idx on escalation (to_agent, escalated_at);
create index escalation_team_idx on escalation (to_team, escalated_at);
create index escalation_at_idx on escalation (escalated_at);

-- A question or task asked of a teammate or team on a conversation, with a due time, and its answer.
create table internal_request
(
    id                  uuid                     not null primary key,
    conversation        uuid                     not null,
    conversation_number bigint                   not null,
    asked_agent         uuid,
    asked_team          uuid,
    asked_name          varchar(200)             not null,
    question            varchar(2000)            not null,
    due_at              timestamp with time zone not null,
    asked_by            uuid                     not null,
    asked_by_name       varchar(200)             not null,
    asked_at            timestamp with time zone not null,
    answer              varchar(4000),
    answered_by         uuid,
    answered_by_name    varchar(200),
    answered_at         timestamp with time zone,
    version             bigint                   not null
);
create index internal_request_conversation_idx on internal_request (conversation, asked_at);
create index internal_request_agent_idx on internal_request (asked_agent, answered_at, due_at);
create index internal_request_team_idx on internal_request (asked_team, answered_at, due_at);

-- Every path change, escalation, hand-over, request and answer. Rows are only ever added.
create table escalation_audit
(
    id           uuid                     not null primary key,
    action       varchar(40)              not null,
    conversation uuid,
    actor        uuid                     not null,
    actor_name   varchar(200)             not null,
    detail       varchar(2000)            not null,
    created_at   timestamp with time zone not null
);
create index escalation_audit_created_idx on escalation_audit (created_at);
