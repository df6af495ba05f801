-- Business hours: the business-wide hours on the business row (an existing business gets Monday to Friday, 09:00 to
-- 17:00) and, for a team that works other hours, its own row. Open days are day names in week order, comma-separated
-- (MONDAY,TUESDAY); times are local times in the business's time zone. team_id is an agents-module team id, kept
-- without a foreign key because modules never share tables.
alter table business add column open_days varchar(70) default 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY' not null;
alter table business add column opens time default '09:00:00' not null;
alter table business add column closes time default '17:00:00' not null;

create table team_hours_override
(
    team_id   uuid        not null primary key,
    open_days varchar(70) not null,
    opens     time        not null,
    closes    time        not null,
    version   bigint      not null
);
