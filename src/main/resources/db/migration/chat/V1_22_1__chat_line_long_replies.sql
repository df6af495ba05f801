-- An agent's reply may be up to 100,000 characters; its chat line held only 4,000, so a longer reply could never be
-- delivered to the chat (the insert failed on every attempt).
alter table chat_line alter column body set data type varchar(100000);
