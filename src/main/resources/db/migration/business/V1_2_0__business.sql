-- The business that runs this Rapport. Exactly one row, created by the setup page; the check makes a second
-- concurrent setup fail instead of creating a second business.
create table business
(
    id         integer                  not null primary key check (id = 1),
    name       varchar(200)             not null,
    time_zone  varchar(64)              not null,
    set_up_at  timestamp with time zone not null,
    version    bigint                   not null
);
