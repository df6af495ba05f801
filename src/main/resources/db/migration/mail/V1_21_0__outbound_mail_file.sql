-- Files an outbound mail carries, by reference to where their owner keeps them (a conversation's attachment): the
-- dispatcher opens them each time it sends, so a retry after an SMTP outage sends the same files, once.
create table outbound_mail_file
(
    outbound_mail     uuid          not null references outbound_mail (id) on delete cascade,
    outbound_mail_key integer       not null,
    file_name         varchar(255)  not null,
    content_type      varchar(255)  not null,
    size_bytes        bigint        not null,
    source            varchar(200)  not null,
    primary key (outbound_mail, outbound_mail_key)
);
