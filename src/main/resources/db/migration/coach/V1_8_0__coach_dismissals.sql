-- "I meant it": findings of the reply coach an agent dismissed, to tune the rules that are dismissed most.
create table coach_dismissal
(
    id           uuid                     not null primary key,
    agent        uuid                     not null,
    rule_id      varchar(120)             not null,
    category     varchar(30)              not null,
    conversation bigint,
    words        varchar(300)             not null,
    created_at   timestamp with time zone not null
);
create index coach_dismissal_rule_idx on coach_dismissal (rule_id);
