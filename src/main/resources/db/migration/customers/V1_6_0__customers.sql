-- Customers: the person behind every conversation, with every way they reach us (identities), what they care about
-- (passions), what we learned (notes) and their organisation. Conversations point here by customer_id.
create sequence customer_number start with 1;

create table organisation
(
    id         uuid                     not null primary key,
    name       varchar(200)             not null,
    domain     varchar(200),
    created_at timestamp with time zone not null,
    version    bigint                   not null
);
create unique index organisation_name_uk on organisation (name);

create table customer
(
    id                      uuid                     not null primary key,
    number                  bigint                   not null,
    name                    varchar(200)             not null,
    preferred_name          varchar(100),
    pronunciation           varchar(200),
    language                varchar(35),
    time_zone               varchar(60),
    organisation            uuid references organisation (id),
    segment                 varchar(60),
    lifetime_spend          numeric(14, 2),
    spend_last30_days       numeric(14, 2),
    their_person            uuid,
    do_not_contact          varchar(200)             not null,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    erased_at               timestamp with time zone,
    merged_into             uuid,
    version                 bigint                   not null
);
create unique index customer_number_uk on customer (number);
create index customer_organisation_idx on customer (organisation);
create index customer_name_idx on customer (name);

-- Each way of reaching a customer belongs to exactly one customer: the unique key enforces it.
create table customer_identity
(
    customer uuid         not null references customer (id) on delete cascade,
    kind     varchar(20)  not null,
    address  varchar(320) not null,
    primary key (kind, address)
);
create index customer_identity_customer_idx on customer_identity (customer);

create table passion
(
    id              uuid                     not null primary key,
    customer        uuid                     not null references customer (id) on delete cascade,
    text            varchar(300)             not null,
    learned_by      uuid,
    learned_by_name varchar(200)             not null,
    learned_at      timestamp with time zone not null
);
create index passion_customer_idx on passion (customer);

create table customer_note
(
    id          uuid                     not null primary key,
    customer    uuid                     not null references customer (id) on delete cascade,
    body        varchar(5000)            not null,
    author      uuid,
    author_name varchar(200)             not null,
    pinned      boolean                  not null,
    created_at  timestamp with time zone not null,
    edited_at   timestamp with time zone
);
create index customer_note_customer_idx on customer_note (customer);

-- Agents who dismissed the "learn one thing" prompt for a customer.
create table customer_prompt_dismissal
(
    customer uuid not null references customer (id) on delete cascade,
    agent    uuid not null,
    primary key (customer, agent)
);

-- Who did what to a customer's record that matters later: merges, exports, erasure.
create table audit_entry
(
    id         uuid                     not null primary key,
    customer   uuid                     not null,
    action     varchar(30)              not null,
    actor      uuid,
    actor_name varchar(200)             not null,
    detail     varchar(1000)            not null,
    created_at timestamp with time zone not null
);
create index audit_entry_customer_idx on audit_entry (customer, created_at);
