-- An incoming mail's HTML part is stored as the sender wrote it and sanitised whenever it is read back
-- (InboundEmails.html), no longer while the mail is ingested; the new name says what the column holds. Rows stored
-- before hold HTML that was sanitised already, which sanitising again leaves as it is.
alter table inbound_email rename column html to unsafe_html;
