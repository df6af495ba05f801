create table team
(
    id          uuid                     not null primary key,
    name        varchar(100)             not null,
    description varchar(500),
    created_at  timestamp with time zone not null,
    version     bigint                   not null
);
create unique index team_name_uk on team (name);

create table agent
(
    id                  uuid                     not null primary key,
    name                varchar(200)             not null,
    email               varchar(254)             not null,
    role                varchar(20)              not null,
    active              boolean                  not null,
    password_hash       varchar(200),
    password_changed_at timestamp with time zone,
    created_at          timestamp with time zone not null,
    version             bigint                   not null
);
create unique index agent_email_uk on agent (email);

create table team_membership
(
    agent uuid not null references agent (id) on delete cascade,
    team  uuid not null references team (id),
    primary key (agent, team)
);
create index team_membership_team_idx on team_membership (team);

create table api_token
(
    id           uuid                     not null primary key,
    agent        uuid                     not null references agent (id),
    name         varchar(100)             not null,
    token_hash   varchar(64)              not null,
    hint         varchar(8)               not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    version      bigint                   not null
);
create unique index api_token_hash_uk on api_token (token_hash);
create index api_token_agent_idx on api_token (agent, created_at);

create table invitation
(
    id         uuid                     not null primary key,
    agent      uuid                     not null references agent (id),
    token_hash varchar(64)              not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    version    bigint                   not null
);
create unique index invitation_hash_uk on invitation (token_hash);
create index invitation_agent_idx on invitation (agent);
