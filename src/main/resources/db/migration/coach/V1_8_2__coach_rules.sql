-- Phrases admins add to the reply coach (Admin → Reply coach), on top of the rule file shipped with Rapport.
create table coach_rule
(
    id              uuid                     not null primary key,
    rule_id         varchar(100)             not null,
    category        varchar(30)              not null,
    phrases         varchar(2000)            not null,
    why             varchar(300)             not null,
    suggestion      varchar(300)             not null,
    replacement     varchar(200),
    created_by_name varchar(200)             not null,
    created_at      timestamp with time zone not null
);
create unique index coach_rule_rule_id_uk on coach_rule (rule_id);
