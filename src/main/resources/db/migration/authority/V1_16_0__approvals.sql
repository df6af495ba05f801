-- What an agent asked for beyond their limits, to whom it went, and what was decided. The version lets exactly one
-- of two approvers deciding at the same moment win.
create table approval_request
(
    id              uuid                     not null primary key,
    customer        uuid                     not null,
    conversation    uuid                     not null,
    kind            varchar(20)              not null,
    amount_minor    bigint check (amount_minor > 0),
    currency        varchar(3),
    exception_name  varchar(200),
    reason          varchar(1000)            not null,
    payer_agent     uuid,
    payer_team      uuid,
    requested_by    uuid                     not null,
    requester_name  varchar(200)             not null,
    routed_to       varchar(300)             not null,
    approvers       varchar(4000)            not null,
    filed_at        timestamp with time zone not null,
    hear_by         timestamp with time zone not null,
    promise         uuid,
    state           varchar(20)              not null,
    decided_by      uuid,
    decider_name    varchar(200),
    decided_at      timestamp with time zone,
    decision_note   varchar(1000),
    owed_entry      uuid,
    version         bigint                   not null
);
-- Pending ones oldest first (the approvers' queue, the leads' page), a requester's own, a conversation's.
create index approval_request_state_filed_idx on approval_request (state, filed_at, id);
create index approval_request_requester_idx on approval_request (requested_by, filed_at);
create index approval_request_conversation_idx on approval_request (conversation);
