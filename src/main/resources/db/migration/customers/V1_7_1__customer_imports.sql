-- CSV imports of customers: the uploaded file, the column mapping the agent chose, progress, and every rejected row
-- with the reason, so the report can be read and downloaded later.
create table customer_import
(
    id               uuid                     not null primary key,
    file_name        varchar(255)             not null,
    uploaded_by      uuid,
    uploaded_by_name varchar(200)             not null,
    created_at       timestamp with time zone not null,
    status           varchar(12)              not null,
    encoding         varchar(20)              not null,
    delimiter        varchar(1)               not null,
    headings         varchar(8000)            not null,
    mapping          varchar(8000)            not null,
    total_rows       integer                  not null,
    processed        integer                  not null,
    imported         integer                  not null,
    rejected         integer                  not null,
    problem          varchar(1000),
    finished_at      timestamp with time zone,
    version          bigint                   not null
);
create index customer_import_created_idx on customer_import (created_at);

-- The bytes as uploaded, apart from the import row so that polling for progress never loads them.
create table customer_import_file
(
    customer_import uuid  not null primary key references customer_import (id) on delete cascade,
    content         bytea not null
);

create table customer_import_rejection
(
    customer_import uuid          not null references customer_import (id) on delete cascade,
    line            integer       not null,
    reason          varchar(1000) not null,
    original        varchar(4000) not null,
    primary key (customer_import, line)
);
