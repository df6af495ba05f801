-- The email channel: mailboxes, every raw message as it arrived (stored before anything else happens to it), the
-- Message-IDs that thread mail into conversations, who takes part in an email conversation, and automatic mail sent
-- per address (for the hourly cap that stops loops).
create table mailbox
(
    id                 uuid                     not null primary key,
    address            varchar(254)             not null unique,
    display_name       varchar(200)             not null,
    team_id            uuid,
    imap_host          varchar(255),
    imap_port          integer                  not null,
    imap_security      varchar(10)              not null,
    imap_user          varchar(255),
    imap_password      varchar(1000),
    imap_folder        varchar(200)             not null,
    after_import       varchar(10)              not null,
    move_to_folder     varchar(200),
    smtp_host          varchar(255),
    smtp_port          integer                  not null,
    smtp_security      varchar(10)              not null,
    smtp_user          varchar(255),
    smtp_password      varchar(1000),
    signature          varchar(4000),
    acknowledge        boolean                  not null,
    webhook_token_hash varchar(64) unique,
    active             boolean                  not null,
    last_polled_at     timestamp with time zone,
    last_poll_error    varchar(1000),
    created_at         timestamp with time zone not null,
    version            bigint                   not null
);

create table inbound_email
(
    id              uuid                     not null primary key,
    mailbox_id      uuid                     not null references mailbox (id),
    message_key     varchar(300)             not null,
    message_id      varchar(998),
    raw             bytea                    not null,
    size_bytes      bigint                   not null,
    status          varchar(12)              not null,
    kind            varchar(12),
    sender          varchar(254),
    subject         varchar(1000),
    reason          varchar(1000),
    html            varchar(1000000),
    conversation_id uuid,
    message_ref     uuid,
    received_at     timestamp with time zone not null,
    processed_at    timestamp with time zone,
    constraint inbound_email_key unique (mailbox_id, message_key)
);
create index inbound_email_pending_idx on inbound_email (status, received_at);
create index inbound_email_conversation_idx on inbound_email (conversation_id);
create index inbound_email_message_idx on inbound_email (message_ref);

create table email_thread
(
    message_id      varchar(998)             not null primary key,
    conversation_id uuid                     not null,
    outbound        boolean                  not null,
    created_at      timestamp with time zone not null
);
create index email_thread_conversation_idx on email_thread (conversation_id);

create table email_conversation
(
    conversation_id uuid          not null primary key,
    mailbox_id      uuid          not null references mailbox (id),
    thread_index    varchar(100)  not null,
    linked_from     bigint
);

create table email_participant
(
    conversation_id uuid         not null,
    address         varchar(254) not null,
    name            varchar(200),
    role            varchar(10)  not null,
    primary key (conversation_id, address)
);

create table email_automatic
(
    id        uuid                     not null primary key,
    recipient varchar(254)             not null,
    sent_at   timestamp with time zone not null
);
create index email_automatic_recipient_idx on email_automatic (recipient, sent_at);
