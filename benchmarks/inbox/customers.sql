-- Makes the 200,000 people of the inbox benchmark (people.sql, the requesters of generate.sql's conversations)
-- customers of Rapport's customers module, for the customers list benchmark (benchmarks/inbox/run.sh):
--   ~20,000 organisations (sizes from 1 to several hundred people), 200,000 customers numbered from the
--   customer_number sequence in the order they first wrote, a few with a preferred name, language, time zone, segment
--   and spend; identities: every customer's email (the requester address of their conversations), a work address at
--   their organisation's domain for a third of the organisations' people, E.164 phone numbers for three quarters of
--   them (US, Canada, UK, Germany, France, Netherlands, Spain, Italy; some with two); and every conversation of these
--   people linked to its customer (conversation.customer_id).
--
--   benchmarks/inbox/customers.sh                 (called by generate.sh; or: psql -f benchmarks/inbox/customers.sql)
--   psql -v regenerate=1 -f customers.sql        deletes the customers this script made and makes them again
--
-- Needs the customers tables (Rapport 1.6+ started once against the database: prepare.sh does it) and generate.sql's
-- conversations. Does nothing when the customers are already there (unless regenerate=1), so it can run again.
-- Customers the app made itself (e.g. "Load Customer n" from run.sh's create load) are left alone.
-- Linking rewrites every conversation row once; the table is then put back in conversation-number order (CLUSTER),
-- as generate.sql wrote it, so the inbox benchmark sees the same physical layout as before, and analysed.
\set ON_ERROR_STOP on
\pset pager off
\if :{?regenerate}
\else
\set regenerate 0
\endif

select clock_timestamp() as customers_started \gset

do $$
begin
    if to_regclass('customer') is null then
        raise exception 'No customer table: start Rapport 1.6 or newer once against this database so that Flyway adds it (benchmarks/inbox/prepare.sh does that), then run this again.';
    end if;
    if not exists (select 1 from conversation) then
        raise exception 'No conversations: run generate.sql first (benchmarks/inbox/generate.sh runs both).';
    end if;
end $$;

-- people.sql's first person: present means this script ran before.
select exists (select 1 from customer_identity where kind = 'EMAIL' and address = 'anna.smith@example.com') as generated
\gset
\if :generated
\if :regenerate
\echo customers were generated before: deleting them and generating them again (regenerate=1)
\else
\echo customers already generated (anna.smith@example.com is a customer): nothing to do; psql -v regenerate=1 makes them again
select count(*) as customers, (select count(*) from organisation) as organisations,
       (select count(*) from customer_identity) as identities,
       (select count(*) from conversation where customer_id is not null) as linked_conversations
from customer;
\q
\endif
\endif

set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set work_mem = '1GB';
set max_parallel_workers_per_gather = 0;

begin;
select setseed(0.2027) \gset

\ir people.sql

-- Organisations: 40 x 50 x 10 = 20,000 names, "Northwind Logistics GmbH", each with a domain of its own.
create temp table g_org on commit drop as
select no, a || ' ' || b || s as name,
       trim(both '-' from lower(regexp_replace(a || ' ' || b || s, '[^A-Za-z]+', '-', 'g'))) || '.example' as domain,
       now() - interval '1200 days' + interval '1 day' * floor(random() * 1180) as created_at
from (select no,
             (array['Northwind','Blue Harbor','Silver Birch','Red Fox','Greenfield','Oakridge','Riverside','Summit',
                    'Lakeside','Ironwood','Maple Leaf','Cedar','Granite','Harbor Light','Golden Gate','Evergreen',
                    'Stonebridge','Westbrook','Eastgate','Brightwater','Clearwater','Highland','Sunrise','Pinecrest',
                    'Willow','Falcon','Aurora','Polaris','Meridian','Atlas','Beacon','Horizon','Crescent','Copperfield',
                    'Orchard','Juniper','Alpine','Coastal','Kestrel','Lindenhof'])[1 + no % 40] as a,
             (array['Logistics','Bakery','Dental','Consulting','Software','Design','Analytics','Foods','Outfitters',
                    'Books','Coffee','Labs','Health','Pharmacy','Architects','Builders','Motors','Travel','Insurance',
                    'Capital','Media','Studios','Robotics','Energy','Solar','Textiles','Furniture','Garden Centre',
                    'Hotels','Events','Print','Legal','Accounting','Veterinary','Fitness','Music','Optics','Ceramics',
                    'Brewing','Wines','Cycles','Marine','Aviation','Security','Cleaning','Plumbing','Electric',
                    'Translations','Recruitment','Catering'])[1 + (no / 40) % 50] as b,
             (array['',' Ltd',' GmbH',' Inc.',' LLC',' & Co.',' SA',' BV',' Group',' Partners'])[1 + no / 2000] as s
      from generate_series(0, 19999) no) n;
alter table g_org add primary key (no);

\if :regenerate
-- The customers this script made before: those with one of people.sql's addresses. Identities, passions and notes go
-- with them (on delete cascade); conversations are linked again below.
delete from customer where id in (select i.customer from customer_identity i join g_customer p on p.email = i.address
                                  where i.kind = 'EMAIL');
delete from organisation o where o.name in (select name from g_org)
                             and not exists (select 1 from customer c where c.organisation = o.id);
\endif

-- One row per person with every random choice made once. A person who wrote became a customer with their first
-- conversation; the 3,212 who never wrote were imported at some time over the three years.
create temp table g_first on commit drop as
select requester_email as email, min(created_at) as first_at, max(created_at) as last_at, count(*) as conversations
from conversation where requester_email is not null group by requester_email;
alter table g_first add primary key (email);

create temp table g_person on commit drop as
with base as materialized (
    select c.no, c.first, c.last, c.name, c.email, f.first_at, f.last_at, coalesce(f.conversations, 0) as conversations,
           random() as r_org, random() as r_pick, random() as r_work, random() as r_phone, random() as r_country,
           random() as r_area, random() as r_second, random() as r_pref, random() as r_spend, random() as r_recent,
           random() as r_created, random() as r_lang
    from g_customer c left join g_first f on f.email = c.email
    order by c.no
)
select b.*, coalesce(b.first_at, now() - interval '1095 days' * r_created) as created_at,
       -- 55 % work for one of the organisations; big ones are rare, most have a handful of people
       case when r_org < 0.55 then (floor(20000 * r_pick ^ 2)::int * 7919) % 20000 end as org_no,
       case when r_country < 0.40 then 'US' when r_country < 0.45 then 'CA' when r_country < 0.60 then 'GB'
            when r_country < 0.75 then 'DE' when r_country < 0.83 then 'FR' when r_country < 0.89 then 'NL'
            when r_country < 0.95 then 'ES' else 'IT' end as country
from base b;
alter table g_person add primary key (no);

-- Customer numbers come from the sequence, in the order customers first appeared.
select nextval('customer_number') as first_number \gset

insert into organisation (id, name, domain, created_at, version)
select gen_random_uuid(), o.name, o.domain, least(o.created_at, p.first_member_at), 0
from g_org o
left join (select org_no, min(created_at) as first_member_at from g_person group by org_no) p on p.org_no = o.no
where not exists (select 1 from organisation e where e.name = o.name);

create temp table g_new on commit drop as
select p.*, gen_random_uuid() as id, :first_number + row_number() over (order by p.created_at, p.no) - 1 as number,
       o.id as org_id, g.domain as org_domain
from g_person p
left join g_org g on g.no = p.org_no
left join organisation o on o.name = g.name;
alter table g_new add primary key (no);

insert into customer (id, number, name, preferred_name, pronunciation, language, time_zone, organisation, segment,
                      lifetime_spend, spend_last30_days, their_person, do_not_contact, created_at, updated_at,
                      erased_at, merged_into, version)
select n.id, n.number, n.name,
       case when n.r_pref < 0.3 then
           case n.first when 'David' then 'Dave' when 'Peter' then 'Pete' when 'Walter' then 'Walt'
                        when 'Valerie' then 'Val' when 'Dmitri' then 'Dima' when 'Olivia' then 'Liv'
                        when 'Xavier' then 'Xavi' when 'Stefan' then 'Steff' when 'Frank' then 'Frankie'
                        when 'Nadia' then 'Nadya' when 'Georg' then 'Schorsch' when 'Klaus' then 'Klausi'
                        when 'Vince' then 'Vinnie' when 'Gemma' then 'Gem' when 'Zoltan' then 'Zoli'
                        when 'Rosa' then 'Rosie' when 'Jorge' then 'Jorgito' when 'Wiebke' then 'Wibbi'
                        when 'Alice' then 'Ali' when 'Christine' then 'Chrissy' when 'Samuel' then 'Sam'
                        when 'Irene' then 'Reni' when 'Helga' then 'Helli' when 'Karen' then 'Kaz'
                        when 'Igor' then 'Garik' when 'Olga' then 'Olya' when 'Eli' then 'Elijah' end end,
       case when n.first in ('Björn', 'Zeynep', 'Xenia', 'Wiebke') and n.r_pref > 0.8 then
           (array['BYURN', 'zay-NEP', 'KSEN-ya', 'VEEP-keh'])[array_position(array['Björn', 'Zeynep', 'Xenia', 'Wiebke'], n.first)] end,
       case when n.r_lang < 0.7 then case n.country when 'DE' then 'de' when 'FR' then 'fr' when 'NL' then 'nl'
                                                    when 'ES' then 'es' when 'IT' then 'it' else 'en' end end,
       case when n.r_lang < 0.7 then
           case n.country when 'US' then (array['America/New_York','America/Chicago','America/Denver',
                                                 'America/Los_Angeles'])[1 + floor(n.r_area * 4)::int]
                          when 'CA' then (array['America/Toronto','America/Vancouver'])[1 + floor(n.r_area * 2)::int]
                          when 'GB' then 'Europe/London' when 'DE' then 'Europe/Berlin' when 'FR' then 'Europe/Paris'
                          when 'NL' then 'Europe/Amsterdam' when 'ES' then 'Europe/Madrid' else 'Europe/Rome' end end,
       n.org_id,
       case when n.org_id is not null then case when n.r_spend < 0.1 then 'Enterprise' else 'Business' end
            when n.r_spend < 0.05 then 'VIP' when n.r_spend < 0.5 then 'Consumer' end,
       case when n.r_spend < 0.8 then round((exp(n.r_spend * 9) + n.conversations * 12)::numeric, 2) end,
       case when n.r_spend < 0.8 and n.r_recent < 0.15 then round((n.r_recent * 900)::numeric, 2) end,
       null, case when n.r_recent > 0.97 then 'PHONE' else '' end,
       n.created_at, coalesce(greatest(n.last_at, n.created_at), n.created_at), null, null, 0
from g_new n
order by n.number;

-- Identities: the address they write from; a work address for a third of the organisations' people; phones.
insert into customer_identity (customer, kind, address)
select id, 'EMAIL', email from g_new;

insert into customer_identity (customer, kind, address)
select id, 'EMAIL', translate(lower(first), 'äöüé', 'aoue') || '.' || translate(lower(last), 'äöüé', 'aoue') || '@' || org_domain
from g_new where org_domain is not null and r_work < 0.33
on conflict do nothing;

-- E.164 numbers. The subscriber part comes from the person's number through a multiplication that is one-to-one
-- (7919 and 104729 are primes, coprime with the moduli), so first numbers never collide within a prefix.
create temp table g_phone on commit drop as
select n.id, n.no, n.country, k, n.r_area,
       case when k = 1 then (n.no::bigint * 7919) else (n.no::bigint * 104729 + 12345) end as s
from g_new n cross join lateral generate_series(1, case when n.r_second < 0.08 then 2 else 1 end) k
where n.r_phone < 0.75;

insert into customer_identity (customer, kind, address)
select id, 'PHONE',
       case country
           when 'US' then '+1' || (array['212','646','718','617','202','305','404','312','512','214','713','303','602',
                                         '415','650','408','206','213','310','619'])[1 + floor(r_area * 20)::int]
                          || (200 + (s % 8000000) / 10000)::text || lpad((s % 10000)::text, 4, '0')
           when 'CA' then '+1' || (array['416','647','604','514','403'])[1 + floor(r_area * 5)::int]
                          || (200 + (s % 8000000) / 10000)::text || lpad((s % 10000)::text, 4, '0')
           when 'GB' then '+447' || (400000000 + s % 600000000)::text
           when 'DE' then '+49' || (array['151','152','157','160','170','171','172','176'])[1 + floor(r_area * 8)::int]
                          || lpad((s % 100000000)::text, 8, '0')
           when 'FR' then '+33' || (6 + floor(r_area * 2)::int)::text || lpad((s % 100000000)::text, 8, '0')
           when 'NL' then '+316' || lpad((s % 100000000)::text, 8, '0')
           when 'ES' then '+346' || lpad((s % 100000000)::text, 8, '0')
           else '+393' || lpad((s % 1000000000)::text, 9, '0') end
from g_phone
order by no, k
on conflict do nothing;

select setval('customer_number', (select max(number) from customer)) as customer_number \gset

-- Every conversation of these people points at its customer.
select round(extract(epoch from clock_timestamp() - :'customers_started'::timestamptz)) as elapsed \gset
\echo '[' :elapsed 's]' linking conversations
update conversation c set customer_id = n.id
from g_new n
where n.email = c.requester_email and c.customer_id is distinct from n.id;

commit;

-- The update wrote a new version of every conversation row; put the table back in number order (as generate.sql
-- wrote it and as it grows on a real desk) and forget the dead rows, so the inbox benchmark keeps its layout.
select round(extract(epoch from clock_timestamp() - :'customers_started'::timestamptz)) as elapsed \gset
\echo '[' :elapsed 's]' cluster conversation by number, vacuum analyze
cluster conversation using conversation_number_uk;
alter table conversation set without cluster;
vacuum (analyze) organisation, customer, customer_identity, conversation;

select round(extract(epoch from clock_timestamp() - :'customers_started'::timestamptz)::numeric, 1) as customers_seconds
\gset
\echo 'customers generated in' :customers_seconds 's (SQL only, including CLUSTER and VACUUM ANALYZE)'

select (select count(*) from customer) as customers,
       (select count(*) from customer where preferred_name is not null) as preferred_names,
       (select count(*) from customer where organisation is not null) as in_organisations,
       (select count(*) from organisation) as organisations,
       (select count(*) from organisation o where exists (select 1 from customer c where c.organisation = o.id))
           as organisations_with_people,
       (select max(n) from (select count(*) n from customer group by organisation having organisation is not null) s)
           as largest_organisation,
       (select count(*) from customer_identity where kind = 'EMAIL') as emails,
       (select count(*) from customer_identity where kind = 'PHONE') as phones,
       (select min(number) || '..' || max(number) from customer) as numbers,
       (select last_value from customer_number) as sequence;
select count(*) as conversations, count(customer_id) as linked, count(distinct customer_id) as customers_with_conversations
from conversation;
select pg_size_pretty(pg_total_relation_size('customer')) as customer_table,
       pg_size_pretty(pg_total_relation_size('customer_identity')) as identity_table,
       pg_size_pretty(pg_total_relation_size('organisation')) as organisation_table,
       pg_size_pretty(pg_total_relation_size('conversation')) as conversation_table;
select tablename, attname, round(correlation::numeric, 3) as correlation from pg_stats
where (tablename, attname) in (('conversation', 'number'), ('customer', 'number'));
