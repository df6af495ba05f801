-- Internal notes are coached and counted too (category 11, disrespect in a note): each row says what it was.
alter table coach_reply add column kind varchar(10) default 'REPLY' not null;
