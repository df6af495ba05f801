create table notification
(
    id                  uuid                     not null primary key,
    agent               uuid                     not null,
    conversation_number bigint,
    text                varchar(500)             not null,
    created_at          timestamp with time zone not null,
    read_at             timestamp with time zone,
    version             bigint                   not null
);
create index notification_agent_idx on notification (agent, read_at, created_at);
