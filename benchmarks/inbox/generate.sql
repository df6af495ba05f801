-- Fills a freshly set-up Rapport database on PostgreSQL with a help desk at scale, for benchmarks/inbox/run.sh:
--   10 teams, 50 agents with team memberships, 200,000 requesters (people.sql; customer_id stays null here:
--   customers.sql, run after this by generate.sh, makes them customers and links their conversations),
--   1,000,000 conversations (numbers 1001..1,001,000 over three years, ~2.5 % still open), ~300,000 tagged from 40
--   tags, 5,000,000 messages with bodies of realistic length, ~4.5 million timeline entries and some followers.
--
-- Run it against the app's database after Flyway migrated it and the app set itself up (the admin agent exists),
-- with the app stopped or idle:      benchmarks/inbox/generate.sh        (or: psql -f benchmarks/inbox/generate.sql)
-- It refuses a database that already has conversations or teams. Set-based INSERT ... SELECT from generate_series,
-- one transaction for the data, then VACUUM ANALYZE. The shape is reproducible (setseed); ids and times are not
-- (random UUIDs, times relative to now()). Generated agents sign in with the password 'bench-agent-password'.
\set ON_ERROR_STOP on
\pset pager off

select clock_timestamp() as generation_started \gset

set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set work_mem = '1GB';
-- random() must come from this backend alone, in one order, for setseed to make the shape reproducible.
set max_parallel_workers_per_gather = 0;

do $$
begin
    if not exists (select 1 from agent where role = 'ADMIN') then
        raise exception 'No admin agent: start Rapport once against this database with RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD set, then stop it and run this script.';
    end if;
    if exists (select 1 from conversation) or exists (select 1 from team) then
        raise exception 'This database already has conversations or teams; generate into a freshly set-up database (see docs/benchmarks-inbox.md).';
    end if;
end $$;

begin;

select setseed(0.2026) \gset

-- Teams ----------------------------------------------------------------------------------------------------------
select round(extract(epoch from clock_timestamp() - :'generation_started'::timestamptz)) as elapsed \gset
\echo '[' :elapsed 's]' teams, agents, customers, bodies
create temp table g_team on commit drop as
select no, gen_random_uuid() as id, name, description
from (values (1, 'Support', 'First line for everything'),
             (2, 'Billing', 'Invoices, refunds, payment problems'),
             (3, 'Technical', 'Bugs, integrations, the API'),
             (4, 'Shipping', 'Deliveries, tracking, couriers'),
             (5, 'Returns', 'Returns and exchanges'),
             (6, 'Onboarding', 'New accounts in their first month'),
             (7, 'Enterprise', 'Customers on the enterprise plan'),
             (8, 'Warehouse', 'Stock questions routed from the warehouse'),
             (9, 'Finance', 'Chargebacks and accounting questions'),
             (10, 'Product', 'Feature requests and feedback')) t(no, name, description);

insert into team (id, name, description, created_at, version)
select id, name, description, now() - interval '1100 days', 0 from g_team;

-- Agents: 1-2 leads, 3-47 agents, 48-50 teammates from other departments. Agent n's first team is ((n-1) % 10) + 1,
-- so each team has five members; every third agent is on a second team.
create temp table g_agent on commit drop as
select a as no, gen_random_uuid() as id,
       (array['Maya','Jonas','Priya','Lukas','Sofia','Daniel','Amira','Felix','Hannah','Oliver','Leila','Noah','Clara',
              'Mateo','Ines','Samuel','Yara','Elias','Nora','Tobias','Zoe','Adrian','Mila','Rafael','Lena','Kofi',
              'Aiko','Marek','Chiara','Tomas','Freya','Arjun','Elif','Henrik','Sara','Diego','Ana','Viktor','Lucia',
              'Emil','Fatima','Jan','Greta','Omar','Julia','Pavel','Ruth','Theo','Alba','Ivan'])[a]
       || ' ' ||
       (array['Schneider','Okafor','Nakamura','Fischer','Rossi','Kowalski','Haddad','Berg','Dubois','Jensen','Moreau',
              'Silva','Novak','Garcia','Costa','Weber','Ali','Lindqvist','Horvat','Meyer','Tanaka','Ivanova','Petrov',
              'Romero','Keller','Mensah','Sato','Dvorak','Bianchi','Nowak','Larsen','Sharma','Yilmaz','Nilsen',
              'Cohen','Ortiz','Pereira','Popescu','Ruiz','Koch','Rahman','Visser','Hofmann','Aziz','Wagner','Marek',
              'Levy','Brandt','Navarro','Sokolov'])[a] as name,
       case when a <= 2 then 'LEAD' when a >= 48 then 'TEAMMATE' else 'AGENT' end as role,
       ((a - 1) % 10) + 1 as team_no
from generate_series(1, 50) a;

insert into agent (id, name, email, role, active, password_hash, password_changed_at, created_at, version)
select id, name, lower(replace(name, ' ', '.')) || '@bench.example', role, true,
       -- bcrypt (cost 10) of 'bench-agent-password'
       '{bcrypt}$2a$10$jLWGYvWBkVxoFrhuJ4p8LuwqbfZrFGs52JOrByUQ0kf.IVuAjhHRW',
       now() - interval '1000 days', now() - interval '1000 days' + no * interval '3 days', 0
from g_agent;

insert into team_membership (agent, team)
select a.id, t.id from g_agent a join g_team t on t.no = a.team_no
union all
select a.id, t.id from g_agent a join g_team t on t.no = (a.no + 2) % 10 + 1 where a.no % 3 = 0;

-- Customers: the 200,000 people of people.sql (requester names and addresses; customers.sql makes them customers).
\ir people.sql

-- Message bodies: 10,000 bodies built from sentences a customer, an agent or a colleague would write, 1-9 sentences
-- (a few long ones of 15-30), in paragraphs. Messages pick one and add greeting, signature or quoted text.
create temp table g_sentence on commit drop as
select kind, row_number() over (partition by kind) as no, s
from (select 'in' as kind, unnest(array[
    'I ordered the blue version last week and the confirmation email still says it has not shipped yet.',
    'Could you please tell me when I can expect the delivery?',
    'I was charged twice for the same invoice this month and I would like one of the payments refunded.',
    'The app keeps logging me out every few minutes since the last update, on both my phone and my laptop.',
    'I tried resetting my password but the link in the email says it has expired.',
    'We are a team of twelve and would like to move from the monthly plan to the yearly one.',
    'The package arrived today but the box was damaged and one of the glasses inside is broken.',
    'Is it possible to change the delivery address? I am moving at the end of the month.',
    'I need a copy of my invoices for the last quarter with our VAT number on them.',
    'Your colleague said on the phone that someone would call me back, but nobody did.',
    'The export to CSV stops at 10,000 rows; is that a limit on our plan?',
    'I would like to return the jacket, it is too small. What is the easiest way to do that?',
    'Thanks for the quick answer, that solved it.',
    'Unfortunately the problem is back again this morning.',
    'I attached a screenshot of the error message we see when we open the report.',
    'Our accountant needs the invoice addressed to the company, not to me personally.',
    'The tracking number you sent does not work on the courier''s website.',
    'Can I pause my subscription for two months while I am travelling?',
    'We connected the API last week and since yesterday every call returns an error 429.',
    'I have been waiting for a reply for three days now and this is getting urgent for us.',
    'Please cancel my order number 48213 if it has not left the warehouse yet.',
    'The discount code from your newsletter is not accepted at checkout.',
    'Could you explain the difference between the two plans? The pricing page is not clear to me.',
    'Everything works now, you can close this. Have a nice weekend!',
    'I am not sure whether this is a bug or whether I am doing something wrong.',
    'My colleague Anna should also get access to our account; how do I add her?',
    'Since the change to the new version, the totals in the monthly report do not match our own numbers.',
    'The courier left a note that nobody was home, but I was at home all day.'
  ]) as s
  union all
  select 'reply', unnest(array[
    'Thank you for getting in touch and sorry for the trouble.',
    'I checked your order and it left our warehouse this morning; you should have it within two working days.',
    'I have refunded the second payment; depending on your bank it will show on your statement within 3-5 days.',
    'This is a known problem with the last update and our developers are working on a fix right now.',
    'I sent you a new password reset link; it is valid for one hour.',
    'I changed your plan to the yearly one and the difference is credited to your next invoice.',
    'I am sorry the glasses arrived broken. I have sent a replacement at no cost, and you do not need to return the broken ones.',
    'I updated the delivery address on your order; the new address is shown in your account.',
    'You will find the invoices attached, now with your VAT number.',
    'I apologise that nobody called you back. I have taken over your case and will stay on it until it is solved.',
    'The export limit depends on the plan; on yours it is 10,000 rows, but you can export in several parts by date.',
    'You can return the jacket within 30 days with the prepaid label in your account under Orders > Returns.',
    'Could you send me a screenshot of the error and tell me which browser you are using?',
    'I have passed this on to our billing team, who will get back to you by tomorrow.',
    'The tracking number becomes active once the courier scans the parcel, usually on the evening of the shipping day.',
    'Yes, you can pause your subscription for up to three months under Settings > Subscription.',
    'The API allows 100 requests per minute on your plan; the 429 answer means the limit was reached. I raised it to 300 for you.',
    'Your order has been cancelled and the payment will be returned in full.',
    'The code expired at the end of last month; I applied the same discount to your order by hand.',
    'Let me know if there is anything else I can do for you.',
    'I am closing this conversation for now; just reply to this email if the problem comes back.',
    'To add a colleague, go to Settings > Team and click Invite; she will get an email with a link.',
    'I could reproduce the difference in the report and have asked our developers to look into it.',
    'I have asked the courier to deliver again tomorrow between 9 and 12.'
  ])
  union all
  select 'note', unnest(array[
    'Customer called about this again, second time this week.',
    'Checked with the warehouse: the parcel is stuck at the sorting centre.',
    'Refund approved by the team lead, up to the full amount.',
    'Looks like the same bug as the one reported on Monday; linking them.',
    'This is one of our enterprise customers; please handle it first.',
    'Waiting for the developers to confirm the fix is deployed.',
    'Customer was polite but clearly frustrated; offered a 10 % discount on the next order.',
    'Billing says the double charge came from the payment provider, not from us.',
    'Do not close until the replacement has been delivered.',
    'Handing over to the Technical team, they know the API limits better.'
  ])) s;

create temp table g_body on commit drop as
with shape as materialized (
    select b, case when b <= 4000 then 'in' when b <= 8000 then 'reply' else 'note' end as kind,
           case when random() < 0.02 then 15 + floor(random() * 16)::int
                else 1 + floor(9 * random() ^ 1.7)::int end as sentences
    from generate_series(1, 10000) b
), picks as materialized (
    select sh.b, sh.kind, i, 1 + floor(random() * (select count(*) from g_sentence g where g.kind = sh.kind))::int as pick
    from shape sh cross join lateral generate_series(1, sh.sentences) i
)
select p.b as no, p.kind,
       string_agg(g.s || case when p.i % 3 = 0 then E'\n\n' else ' ' end, '' order by p.i) as body
from picks p join g_sentence g on g.kind = p.kind and g.no = p.pick
group by p.b, p.kind;
update g_body set body = rtrim(body, E' \n');
alter table g_body add primary key (no);
analyze g_customer; analyze g_agent; analyze g_team; analyze g_body;

-- The plan: one row per conversation with every random choice made once. Conversation k has number 1000 + k and
-- was created (1 - sqrt(k / 1e6)) of three years ago, so traffic grows over time (~1,800 a day at the end).
-- Open: 55 % of the latest 40,000 plus 0.3 % of the older ones, about 2.5 % in all.
select round(extract(epoch from clock_timestamp() - :'generation_started'::timestamptz)) as elapsed \gset
\echo '[' :elapsed 's]' plan: one row per conversation
create temp table g_plan0 on commit drop as
with base as materialized (
    select k, random() as r_open, random() as r_status, random() as r_wait, random() as r_assign, random() as r_chan,
           random() as r_prio, random() as r_team, random() as r_agent, random() as r_m, random() as r_span,
           random() as r_cust, random() as r_subj, random() as r_sum, random() as r_closed, random() as r_tag
    from generate_series(1, 1000000) k
), s1 as (
    select b.*, now() - interval '1095 days' * (1 - sqrt(k / 1000000.0)) - interval '2 minutes' as created_at,
           (k > 960000 and r_open < 0.55) or r_open < 0.003 as is_open,
           case when r_m < 0.10 then 1 when r_m < 0.22 then 2 when r_m < 0.36 then 3 when r_m < 0.50 then 4
                when r_m < 0.62 then 5 when r_m < 0.72 then 6 when r_m < 0.80 then 7 when r_m < 0.86 then 8
                when r_m < 0.91 then 9 when r_m < 0.95 then 10 when r_m < 0.98 then 12 else 16 end as m0,
           case when r_team < 0.15 then null else 1 + floor(10 * ((r_team - 0.15) / 0.85) ^ 1.6)::int end as team_no
    from base b
), s2 as (
    select s1.*,
           case when is_open then
                    case when r_status < 0.20 then 'NEW' when r_status < 0.55 then 'OPEN'
                         when r_status < 0.70 then 'WAITING_ON_US' else 'WAITING_ON_CUSTOMER' end
                when now() - created_at > interval '14 days' and r_closed < 0.7 then 'CLOSED'
                else 'SOLVED' end as status,
           case when team_no is null then 1 + floor(r_agent * 47)::int
                else team_no + 10 * floor(r_agent * 5)::int end as agent_raw
    from s1
), s3 as (
    select s2.*,
           case status when 'NEW' then true when 'OPEN' then r_wait < 0.85 when 'WAITING_ON_US' then r_wait < 0.5
                       else false end as waiting,
           case when agent_raw > 47 then agent_raw - 10 else agent_raw end as agent_no
    from s2
)
select k, gen_random_uuid() as id, 1000 + k as number, created_at, is_open, status, waiting, team_no, agent_no,
       case when status = 'NEW' then least(m0, 2)
            when status in ('OPEN', 'WAITING_ON_US', 'WAITING_ON_CUSTOMER') and not waiting then greatest(m0, 2)
            else m0 end as m,
       r_assign, r_span, r_sum, r_subj, r_tag,
       floor(200000 * r_cust ^ 1.5)::int as customer_no,
       case when r_chan < 0.55 then 'EMAIL' when r_chan < 0.75 then 'CHAT' when r_chan < 0.87 then 'WEB_FORM'
            when r_chan < 0.95 then 'PHONE' when r_chan < 0.99 then 'API' else 'WALK_IN' end as channel,
       case when r_prio < 0.10 then 'LOW' when r_prio < 0.80 then 'NORMAL' when r_prio < 0.95 then 'HIGH'
            else 'URGENT' end as priority
from s3;

-- Exactly 5,000,000 messages: nudge the counts of pseudo-randomly chosen conversations by one.
do $$
declare
    diff bigint;
begin
    select 5000000 - sum(m) into diff from g_plan0;
    if diff < 0 then
        update g_plan0 set m = m - 1 where k in (select k from g_plan0 where m > 2 order by md5(k::text) limit -diff);
    elsif diff > 0 then
        update g_plan0 set m = m + 1
        where k in (select k from g_plan0 where m between 2 and 15 and status <> 'NEW' order by md5(k::text) limit diff);
    end if;
end $$;

-- Derived times, following Conversation's rules: waiting_since is when the customer started waiting for us (null
-- otherwise); queue_rank is waiting_since for open conversations with a waiting customer, else 9999-01-01.
create temp table g_plan on commit drop as
with t as (
    select p.*,
           case when m = 1 then interval '0'
                else least(interval '1 minute' * (20 + 5760 * r_span ^ 2), (now() - created_at) * 0.9) end as span,
           case when status = 'NEW' then false
                when status in ('OPEN', 'WAITING_ON_US', 'WAITING_ON_CUSTOMER') then status <> 'OPEN' or r_assign < 0.9
                else m >= 2 or r_assign < 0.5 end as assigned
    from g_plan0 p
), u as (
    select t.*, created_at + span as last_at from t
)
select u.k, u.id, u.number, u.created_at, u.is_open, u.status, u.waiting, u.team_no, u.agent_no, u.m, u.channel,
       u.priority, u.customer_no, u.span, u.last_at, u.r_subj, u.r_sum, u.r_tag,
       case when assigned then agent_no end as assignee_no,
       case when status <> 'NEW' and m >= 2 then created_at + span / (m - 1) end as first_response_at,
       case when waiting or m = 1 or status = 'NEW' then last_at
            else created_at + span * (m - 2) / (m - 1) end as last_customer_message_at,
       case when waiting then case when status = 'NEW' then created_at else last_at end end as waiting_since,
       case when not is_open then least(last_at + interval '35 minutes', now() - interval '1 minute') end as solved_at
from u;
alter table g_plan add primary key (k);
analyze g_plan;

select round(extract(epoch from clock_timestamp() - :'generation_started'::timestamptz)) as elapsed \gset
\echo '[' :elapsed 's]' conversations
-- Conversations -------------------------------------------------------------------------------------------------------
insert into conversation (id, number, subject, customer_id, requester_name, requester_email, channel, status, is_open,
                          priority, assignee, team, summary, created_at, updated_at, first_response_at,
                          last_customer_message_at, solved_at, waiting_since, queue_rank, version)
select p.id, p.number,
       replace((array['Where is my order #{n}?', 'Charged twice for invoice {n}', 'Cannot log in since the update',
                      'Password reset link expired', 'Switching to the yearly plan', 'Parcel arrived damaged',
                      'Change of delivery address for order #{n}', 'Invoices with VAT number', 'Nobody called me back',
                      'CSV export stops at 10,000 rows', 'Return a jacket (order #{n})', 'Re: your reply',
                      'Error when opening the monthly report', 'Invoice addressed to the company',
                      'Tracking number does not work', 'Pause my subscription', 'API returns 429 since yesterday',
                      'URGENT: still no answer', 'Cancel order #{n}', 'Discount code not accepted',
                      'Question about pricing', 'Add a colleague to our account', 'Report totals do not match',
                      'Missed delivery', 'Refund still not received for order #{n}', 'Wrong size delivered',
                      'Can I get a demo?', 'Two-factor authentication lost phone', 'Account locked',
                      'Feature request: dark mode', 'Order #{n} missing one item', 'Gift card balance',
                      'Cannot update credit card', 'Delivery to a pick-up point', 'Product question before buying',
                      'Warranty claim for order #{n}', 'Data export for GDPR request', 'Webhook not firing',
                      'Bulk order for our office', 'Thank you!'])[1 + floor(p.r_subj * 40)::int],
               '{n}', (100000 + (p.k::bigint * 7919) % 900000)::text),
       null, c.name, c.email, p.channel, p.status, p.is_open, p.priority, a.id, t.id,
       case when p.r_sum < 0.05 then
            (array['Wants the refund before the end of the month', 'Needs the invoice for the tax return',
                   'Wants a replacement, not a refund', 'Needs access restored before Monday''s launch',
                   'Wants to know whether the bug is fixed in the next release'])[1 + floor(p.r_sum * 100)::int] end,
       p.created_at,
       case when p.is_open then p.last_at
            when p.status = 'CLOSED' then least(p.solved_at + interval '4 days', now() - interval '1 minute')
            else p.solved_at end,
       p.first_response_at, p.last_customer_message_at, p.solved_at, p.waiting_since,
       case when p.is_open and p.waiting then p.waiting_since else timestamptz '9999-01-01 00:00:00+00' end,
       p.m
from g_plan p
join g_customer c on c.no = p.customer_no
left join g_agent a on a.no = p.assignee_no
left join g_team t on t.no = p.team_no
order by p.k; -- written in number order, as the app writes them

select round(extract(epoch from clock_timestamp() - :'generation_started'::timestamptz)) as elapsed \gset
\echo '[' :elapsed 's]' tags and followers
-- Tags: ~30 % of conversations carry 1-3 of 40 tags, popular ones far more often.
insert into conversation_tag (conversation, tag)
select distinct p.id,
       (array['billing','refund','shipping','bug','login','vip','feature-request','invoice','damaged','returns',
              'api','urgent','cancellation','delivery-delay','password','subscription','pricing','onboarding',
              'feedback','complaint','tracking','discount','account','export','mobile-app','integration',
              'chargeback','gdpr','warranty','exchange','b2b','gift-card','two-factor','webhooks','report',
              'address-change','missing-item','sizing','demo','partnership'])[1 + floor(40 * random() ^ 2)::int]
from g_plan p cross join lateral generate_series(1, 1 + floor(3 * (p.r_tag / 0.3) ^ 2)::int) i
where p.r_tag < 0.3;

-- Followers: agents following about 5 % of conversations.
insert into conversation_follower (conversation, agent)
select p.id, a.id from g_plan p join g_agent a on a.no = (p.agent_no + 10) % 47 + 1
where p.k % 20 = 7;

-- Messages ------------------------------------------------------------------------------------------------------------
-- Message j of m in a conversation is written at created_at + span * (j-1)/(m-1). The first is the customer's; a
-- waiting customer wrote the last one, otherwise we did; in between replies and inbound alternate, ~10 % are notes.
-- They are written sorted by time, so the table's physical order is that of a real desk: a conversation's messages
-- are spread over the pages of everything else that happened meanwhile.
select round(extract(epoch from clock_timestamp() - :'generation_started'::timestamptz)) as elapsed \gset
\echo '[' :elapsed 's]' messages: skeleton sorted by time
create temp table g_msg on commit drop as
select m.conversation, m.channel, m.j, m.kind, m.created_at, m.r_body, m.r_quote, m.r_fail, c.name as customer_name,
       a.id as agent_id, a.name as agent_name
from (select p.id as conversation, p.channel, p.customer_no, p.agent_no, j,
             case when j = 1 or p.status = 'NEW' then 'INBOUND'
                  when j = p.m then case when p.waiting then 'INBOUND' else 'REPLY' end
                  when random() < 0.1 then 'NOTE'
                  when j % 2 = 0 then 'REPLY' else 'INBOUND' end as kind,
             p.created_at + p.span * (j - 1) / greatest(p.m - 1, 1) as created_at,
             random() as r_body, random() as r_quote, random() as r_fail
      from g_plan p cross join lateral generate_series(1, p.m) j) m
join g_customer c on c.no = m.customer_no
join g_agent a on a.no = m.agent_no
order by m.created_at, m.conversation, m.j;

-- Read g_msg in its physical (time) order; join only the small body table, by hash, so that order is kept.
select round(extract(epoch from clock_timestamp() - :'generation_started'::timestamptz)) as elapsed \gset
\echo '[' :elapsed 's]' messages: insert
set enable_mergejoin = off;
set enable_nestloop = off;
insert into message (id, conversation, kind, author_agent, author_name, body, channel, delivery, delivery_error,
                     created_at, version)
select gen_random_uuid(), m.conversation, m.kind,
       case when m.kind <> 'INBOUND' then m.agent_id end,
       case when m.kind = 'INBOUND' then m.customer_name else m.agent_name end,
       case m.kind
           when 'INBOUND' then
               b.body || E'\n\n' || split_part(m.customer_name, ' ', 1)
               || case when m.channel = 'EMAIL' and m.j > 1 and m.r_quote < 0.4 then
                      E'\n\nOn ' || to_char(m.created_at - interval '3 hours', 'Dy, DD Mon YYYY "at" HH24:MI') || ', '
                      || m.agent_name || ' <support@bench.example> wrote:' || E'\n> ' || replace(q.body, E'\n', E'\n> ')
                  else '' end
           when 'REPLY' then 'Hi ' || split_part(m.customer_name, ' ', 1) || E',\n\n' || b.body
                             || E'\n\nBest regards,\n' || m.agent_name
           else b.body end,
       case when m.kind <> 'NOTE' then m.channel end,
       case when m.kind = 'REPLY' then case when m.r_fail < 0.001 then 'FAILED' else 'SENT' end end,
       case when m.kind = 'REPLY' and m.r_fail < 0.001 then '550 5.1.1 Recipient address rejected: mailbox unavailable' end,
       m.created_at, 0
from g_msg m
join g_body b on b.no = case m.kind when 'INBOUND' then 1 + floor(m.r_body * 4000)::int
                                    when 'REPLY' then 4001 + floor(m.r_body * 4000)::int
                                    else 8001 + floor(m.r_body * 2000)::int end
join g_body q on q.no = 4001 + floor(m.r_quote * 4000)::int;
reset enable_mergejoin;
reset enable_nestloop;

select round(extract(epoch from clock_timestamp() - :'generation_started'::timestamptz)) as elapsed \gset
\echo '[' :elapsed 's]' timeline
-- Timeline --------------------------------------------------------------------------------------------------------------
insert into conversation_activity (id, conversation, kind, actor_agent, actor_name, detail, created_at)
select gen_random_uuid(), e.conversation, e.kind, e.actor_agent, e.actor_name, e.detail, e.created_at
from (select p.id as conversation, 'created' as kind, null::uuid as actor_agent, c.name as actor_name,
             'started the conversation by ' || case p.channel when 'EMAIL' then 'email' when 'CHAT' then 'chat'
                 when 'PHONE' then 'phone' when 'WEB_FORM' then 'web form' when 'WALK_IN' then 'walk-in'
                 else 'api' end as detail,
             p.created_at
      from g_plan p join g_customer c on c.no = p.customer_no
      union all
      select p.id, 'assigned', a.id, a.name, 'took the conversation',
             coalesce(p.first_response_at, p.created_at + interval '1 minute')
      from g_plan p join g_agent a on a.no = p.assignee_no
      union all
      select p.id, 'status', a.id, a.name, 'set status to Waiting on customer', p.first_response_at
      from g_plan p join g_agent a on a.no = p.agent_no
      where p.first_response_at is not null and p.status <> 'OPEN'
      union all
      select p.id, 'status', a.id, a.name, 'set status to Solved', p.solved_at
      from g_plan p join g_agent a on a.no = p.agent_no where p.solved_at is not null
      union all
      select p.id, 'status', a.id, a.name, 'set status to Closed',
             least(p.solved_at + interval '4 days', now() - interval '1 minute')
      from g_plan p join g_agent a on a.no = p.agent_no where p.status = 'CLOSED') e;

select setval('conversation_number', (select max(number) from conversation)) as conversation_number \gset

commit;

select round(extract(epoch from clock_timestamp() - :'generation_started'::timestamptz)) as elapsed \gset
\echo '[' :elapsed 's]' vacuum analyze
vacuum (analyze) team, agent, team_membership, conversation, conversation_tag, conversation_follower, message,
    conversation_activity;

select pg_size_pretty(pg_database_size(current_database())) as database_size,
       pg_size_pretty(pg_total_relation_size('message')) as message_table,
       pg_size_pretty(pg_total_relation_size('conversation')) as conversation_table,
       pg_size_pretty(pg_total_relation_size('conversation_activity')) as timeline_table;
select round(extract(epoch from clock_timestamp() - :'generation_started'::timestamptz)::numeric, 1)
           as generation_seconds \gset
\echo 'generated in' :generation_seconds 's (SQL only, including VACUUM ANALYZE)'

-- What was generated
select (select count(*) from team) as teams,
       (select count(*) from agent) as agents,
       (select count(*) from team_membership) as memberships,
       (select count(*) from conversation) as conversations,
       (select count(distinct requester_email) from conversation) as requesters,
       (select count(*) from message) as messages,
       (select round(avg(length(body))) from message) as avg_body_chars,
       (select count(*) from conversation_tag) as tag_rows,
       (select count(distinct conversation) from conversation_tag) as tagged_conversations,
       (select count(*) from conversation_activity) as timeline_entries,
       (select count(*) from conversation_follower) as followers;
select status, count(*) as conversations, count(*) filter (where assignee is null) as unassigned,
       count(*) filter (where waiting_since is not null) as waiting
from conversation group by status order by status;
select channel, count(*) from conversation group by channel order by 2 desc;
-- Physical order: number and message time should correlate with the heap order (close to 1), as on a real desk.
select tablename, attname, round(correlation::numeric, 3) as correlation from pg_stats
where (tablename, attname) in (('conversation', 'number'), ('message', 'created_at'));
