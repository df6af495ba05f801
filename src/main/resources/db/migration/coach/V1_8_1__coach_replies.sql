-- What the coach saw in each reply as it was sent: the categories of its findings, for the coaching stats
-- ("findings per 100 replies"). One row a reply; categories comma-separated, empty for a clean reply.
create table coach_reply
(
    message    uuid                     not null primary key,
    agent      uuid,
    categories varchar(400)             not null,
    sent_at    timestamp with time zone not null
);
create index coach_reply_sent_idx on coach_reply (sent_at);
