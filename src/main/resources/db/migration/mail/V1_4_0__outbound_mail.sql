-- The outbox: every email Rapport sends is stored here first and sent by the dispatcher with retries.
create table outbound_mail
(
    id              uuid                     not null primary key,
    recipient       varchar(254)             not null,
    recipient_name  varchar(200),
    subject         varchar(500)             not null,
    body            varchar(1000000)         not null,
    reference       varchar(100),
    status          varchar(10)              not null,
    attempts        integer                  not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    version         bigint                   not null
);
create index outbound_mail_due_idx on outbound_mail (status, next_attempt_at);
