-- The email channel's envelope on outgoing mail: its own sender, copies, an HTML part, threading headers, and the
-- mailbox whose SMTP server sends it (the route). All optional: plain outbox mail leaves them empty.
alter table outbound_mail add column from_address varchar(254);
alter table outbound_mail add column from_name varchar(200);
alter table outbound_mail add column cc varchar(4000);
alter table outbound_mail add column html_body varchar(1000000);
alter table outbound_mail add column message_id varchar(998);
alter table outbound_mail add column headers varchar(8000);
alter table outbound_mail add column route varchar(100);
create index outbound_mail_message_id_idx on outbound_mail (message_id);
