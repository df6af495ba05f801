-- What a role, or one agent in place of their role, may grant alone: amounts as minor units of one ISO 4217 currency.
create table authority_limit
(
    id                   uuid         not null primary key,
    role                 varchar(20),
    agent                uuid,
    per_case_minor       bigint       not null check (per_case_minor >= 0),
    monthly_budget_minor bigint       not null check (monthly_budget_minor >= 0),
    currency             varchar(3)   not null,
    named_exceptions     varchar(10000) not null,
    version              bigint       not null,
    check ((role is null) <> (agent is null))
);
create unique index authority_limit_role_idx on authority_limit (role);
create unique index authority_limit_agent_idx on authority_limit (agent);

-- Credits, refunds and exceptions agents granted inside their limits; only ever added to.
create table discretion_grant
(
    id             uuid                     not null primary key,
    agent          uuid                     not null,
    agent_name     varchar(200)             not null,
    customer       uuid                     not null,
    conversation   uuid,
    kind           varchar(20)              not null,
    amount_minor   bigint check (amount_minor > 0),
    currency       varchar(3),
    exception_name varchar(200),
    reason         varchar(1000)            not null,
    granted_at     timestamp with time zone not null,
    budget_month   varchar(7)               not null,
    owed_entry     uuid,
    version        bigint                   not null
);
-- What an agent spent in a month, and the newest grants first for leads.
create index discretion_grant_agent_month_idx on discretion_grant (agent, budget_month, currency);
create index discretion_grant_granted_idx on discretion_grant (granted_at, id);
create index discretion_grant_customer_idx on discretion_grant (customer);

-- What each agent granted from their budget per month (of the business's calendar) and currency; versioned so that
-- grants at the same moment take turns.
create table monthly_spend
(
    id           uuid       not null primary key,
    agent        uuid       not null,
    budget_month varchar(7) not null,
    currency     varchar(3) not null,
    spent_minor  bigint     not null check (spent_minor >= 0),
    version      bigint     not null
);
create unique index monthly_spend_agent_month_idx on monthly_spend (agent, budget_month, currency);

-- Who changed which limit, when, and to what; only ever added to.
create table authority_audit
(
    id         uuid                     not null primary key,
    action     varchar(20)              not null,
    subject    varchar(100)             not null,
    actor      uuid                     not null,
    actor_name varchar(200)             not null,
    detail     varchar(12000)           not null,
    created_at timestamp with time zone not null
);
create index authority_audit_created_idx on authority_audit (created_at, id);
