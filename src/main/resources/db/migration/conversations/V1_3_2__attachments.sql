-- Files attached to messages. The bytes live in the attachment store (a directory now, object storage later).
create table attachment
(
    id           uuid                     not null primary key,
    message      uuid                     not null references message (id),
    file_name    varchar(255)             not null,
    content_type varchar(100)             not null,
    size_bytes   bigint                   not null,
    storage_key  varchar(200)             not null,
    created_at   timestamp with time zone not null,
    version      bigint                   not null
);
create index attachment_message_idx on attachment (message);
