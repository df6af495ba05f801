-- Custom attributes: fields the admin defines for every customer (text, number, date or a choice), and their values.
create table attribute_definition
(
    id            uuid                     not null primary key,
    attribute_key varchar(40)              not null,
    label         varchar(80)              not null,
    type          varchar(10)              not null,
    choices       varchar(2000)            not null,
    position      integer                  not null,
    retired       boolean                  not null,
    created_at    timestamp with time zone not null,
    version       bigint                   not null
);
create unique index attribute_definition_key_uk on attribute_definition (attribute_key);

create table customer_attribute
(
    customer  uuid          not null references customer (id) on delete cascade,
    attribute varchar(40)   not null,
    content   varchar(1000) not null,
    primary key (customer, attribute)
);
