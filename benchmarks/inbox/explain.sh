#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the inbox's SQL on the generated data, as Inbox.java builds it for an admin: the
# "all open" view, the same view filtered by team and tag (a tag common in that team and a rare one), the next page by
# keyset, the capped view counts, and the conversation page's reads. Each statement runs once before it is explained,
# so the plans show a warm cache, as on a busy desk. Then the customers list's SQL as CustomerSearch.java builds it,
# for the cases run.sh measures (customers-run.sh).
#
#   benchmarks/inbox/explain.sh [inbox|customers|all] > explain.txt          (default: all)
#
# The app sends these as JDBC prepared statements with bound parameters. pgjdbc switches to a named server-side
# statement after 5 executions (prepareThreshold) and PostgreSQL may then switch to a generic plan, planned without
# the parameter values; the second part shows those generic plans (plan_cache_mode = force_generic_plan).
# Connection through PG* variables, defaults as in generate.sh.
set -euo pipefail
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-rapport_bench}
export PGUSER=${PGUSER:-bench} PGPASSWORD=${PGPASSWORD:-bench}
sql() { psql -X -At -v ON_ERROR_STOP=1 -c "$1"; }
what=${1:-all}

if [[ $what == all || $what == inbox ]]; then

team=$(sql "select team from conversation where is_open and team is not null group by team order by count(*) desc limit 1")
tag=$(sql "select t.tag from conversation c join conversation_tag t on t.conversation = c.id
           where c.is_open and c.team = '$team' group by t.tag order by count(*) desc limit 1")
rare=$(sql "select t.tag from conversation c join conversation_tag t on t.conversation = c.id
            where c.is_open and c.team = '$team' group by t.tag having count(*) >= 3 order by count(*), t.tag limit 1")
number=$(sql "select c.number from conversation c where c.number > 900000
              and (select count(*) from message m where m.conversation = c.id) between 5 and 10 order by c.number limit 1")
# the last row of the first page, for the keyset condition of page 2
read -r rank last < <(sql "select queue_rank, number from conversation where is_open and snoozed_until is null
                           order by queue_rank, number offset 49 limit 1" | tr '|' ' ' | sed 's/ /T/; s/T\([0-9]*\)$/ \1/')

psql -X -q -v ON_ERROR_STOP=1 -v team="$team" -v tag="$tag" -v rare="$rare" -v number="$number" -v rank="$rank" \
  -v last="$last" <<'SQL'
\pset pager off
\echo PostgreSQL :SERVER_VERSION_NAME, database size:
select pg_size_pretty(pg_database_size(current_database())) as size,
       (select count(*) from conversation) as conversations,
       (select count(*) from conversation where is_open) as open,
       (select count(*) from conversation where is_open and team = :'team') as open_in_team,
       (select count(*) from conversation c where is_open and team = :'team'
          and exists (select 1 from conversation_tag t where t.conversation = c.id and t.tag = :'tag')) as open_in_team_with_tag,
       (select count(*) from conversation c where is_open and team = :'team'
          and exists (select 1 from conversation_tag t where t.conversation = c.id and t.tag = :'rare')) as open_in_team_with_rare_tag,
       (select count(*) from conversation_tag where tag = :'tag') as tag_rows,
       (select count(*) from conversation_tag where tag = :'rare') as rare_tag_rows;
\echo team :team, tag :tag, rare tag :rare, conversation :number

\echo
\echo ==== 1. Default view (all open), first page: custom plan
\set q 'select c.id, c.number, c.subject, c.requester_name, c.requester_email, c.channel, c.status, c.priority, c.assignee, c.team, c.waiting_since, c.updated_at, c.queue_rank from conversation c'
:q where c.is_open = true and c.snoozed_until is null order by c.queue_rank, c.number limit 51 \g /dev/null
explain (analyze, buffers) :q where c.is_open = true and c.snoozed_until is null order by c.queue_rank, c.number limit 51;

\echo ==== 2. All open, filtered by team and a common tag
:q where c.is_open = true and c.snoozed_until is null and c.team = :'team' and exists (select 1 from conversation_tag t where t.conversation = c.id and t.tag = :'tag') order by c.queue_rank, c.number limit 51 \g /dev/null
explain (analyze, buffers) :q where c.is_open = true and c.snoozed_until is null and c.team = :'team' and exists (select 1 from conversation_tag t where t.conversation = c.id and t.tag = :'tag') order by c.queue_rank, c.number limit 51;

\echo ==== 3. All open, filtered by team and a rare tag
:q where c.is_open = true and c.snoozed_until is null and c.team = :'team' and exists (select 1 from conversation_tag t where t.conversation = c.id and t.tag = :'rare') order by c.queue_rank, c.number limit 51 \g /dev/null
explain (analyze, buffers) :q where c.is_open = true and c.snoozed_until is null and c.team = :'team' and exists (select 1 from conversation_tag t where t.conversation = c.id and t.tag = :'rare') order by c.queue_rank, c.number limit 51;

\echo ==== 4. All open, second page (keyset after the 50th row)
explain (analyze, buffers) :q where c.is_open = true and c.snoozed_until is null and (c.queue_rank, c.number) > (:'rank', :last) order by c.queue_rank, c.number limit 51;

\echo ==== 5. Tags of the 50 conversations on the page
explain (analyze, buffers) select conversation, tag from conversation_tag where conversation in (select c.id from conversation c where c.is_open and c.snoozed_until is null order by c.queue_rank, c.number limit 50) order by tag;

\echo ==== 6. The capped counts of the seven views (one query each per full page load), custom plans
explain (analyze, buffers) select count(*) from (select 1 from conversation c where c.assignee is null and c.is_open = true and c.snoozed_until is null limit 10000) capped;
explain (analyze, buffers) select count(*) from (select 1 from conversation c where c.is_open = true and c.snoozed_until is null limit 10000) capped;
explain (analyze, buffers) select count(*) from (select 1 from conversation c where c.status = 'WAITING_ON_US' and c.snoozed_until is null limit 10000) capped;
explain (analyze, buffers) select count(*) from (select 1 from conversation c where c.status = 'WAITING_ON_CUSTOMER' and c.snoozed_until is null limit 10000) capped;
explain (analyze, buffers) select count(*) from (select 1 from conversation c where c.status = 'SOLVED' limit 10000) capped;

\echo ==== 7. Conversation page: the conversation, its messages and its timeline
explain (analyze, buffers) select * from conversation where number = :number;
explain (analyze, buffers) select m.* from message m where m.conversation = (select id from conversation where number = :number) order by m.created_at, m.id;
explain (analyze, buffers) select kind, actor_name, detail, created_at from conversation_activity where conversation = (select id from conversation where number = :number) order by created_at, position;

\echo
\echo ==== 8. Generic plans: what PostgreSQL may use once pgjdbc has prepared a statement on the server
set plan_cache_mode = force_generic_plan;
prepare page(boolean) as select c.id, c.number, c.queue_rank from conversation c where c.is_open = $1 and c.snoozed_until is null order by c.queue_rank, c.number limit 51;
explain (analyze, buffers) execute page(true);
prepare filtered(boolean, uuid, text) as select c.id, c.number, c.queue_rank from conversation c where c.is_open = $1 and c.snoozed_until is null and c.team = $2 and exists (select 1 from conversation_tag t where t.conversation = c.id and t.tag = $3) order by c.queue_rank, c.number limit 51;
explain (analyze, buffers) execute filtered(true, :'team', :'rare');
prepare count_open(boolean) as select count(*) from (select 1 from conversation c where c.is_open = $1 and c.snoozed_until is null limit 10000) capped;
explain (analyze, buffers) execute count_open(true);
prepare count_status(text) as select count(*) from (select 1 from conversation c where c.status = $1 and c.snoozed_until is null limit 10000) capped;
explain (analyze, buffers) execute count_status('WAITING_ON_US');
reset plan_cache_mode;
SQL
fi

[[ $what == all || $what == customers ]] || exit 0
# The customers list (CustomerSearch.search): the same terms as customers-run.sh. The app binds the terms as
# parameters; here they are literals (custom plans), and the last part shows the generic plans.
full_email=$(sql "select address from customer_identity where kind = 'EMAIL' and address like '%@example.org'
                  order by address offset 1000 limit 1")
phone_us=$(sql "select address from customer_identity where kind = 'PHONE' and address like '+1415%'
                order by address offset 100 limit 1")
phone_gb=$(sql "select address from customer_identity where kind = 'PHONE' and address like '+447%'
                order by address offset 100 limit 1")
total=$(sql "select count(*) from customer")
cnumber=$(sql "select number from customer where merged_into is null order by number offset $((total / 3)) limit 1")
next=$(sql "select number from customer where merged_into is null order by number desc offset 49 limit 1")

psql -X -q -v ON_ERROR_STOP=1 -v full_email="$full_email" -v phone_us="$phone_us" -v phone_gb="$phone_gb" \
  -v cnumber="$cnumber" -v next="$next" <<'SQL'
\pset pager off
\echo
\echo ==== Customers: data
select (select count(*) from customer) as customers, (select count(*) from organisation) as organisations,
       (select count(*) from customer_identity where kind = 'EMAIL') as emails,
       (select count(*) from customer_identity where kind = 'PHONE') as phones,
       pg_size_pretty(pg_total_relation_size('customer')) as customer_size,
       pg_size_pretty(pg_total_relation_size('customer_identity')) as identity_size,
       (select string_agg(extname || ' ' || extversion, ', ') from pg_extension where extname = 'pg_trgm') as pg_trgm;
\echo matches of each term (all pages):
select term, (select count(*) from customer c where c.merged_into is null
                and (lower(c.name) like '%' || term || '%' or lower(c.preferred_name) like '%' || term || '%'
                     or c.organisation in (select o.id from organisation o where lower(o.name) like '%' || term || '%')))
                as matches
from unnest(array['emma wi', 'richardson', 'son', 'northwind logis', 'qxzjv']) term;
select (select count(*) from customer_identity where kind = 'EMAIL' and address like 'emma.wilson@%') as "emma.wilson@",
       :'full_email' as full_email, :'phone_us' as phone_us, :'phone_gb' as phone_gb, :cnumber as number;

\set cols 'select c.number, c.name, c.preferred_name, o.name organisation, c.created_at, (select min(i.address) from customer_identity i where i.customer = c.id and i.kind = \'EMAIL\') email from customer c left join organisation o on o.id = c.organisation where c.merged_into is null'
\set contains ' and (lower(c.name) like $1 escape \'\\\' or lower(c.preferred_name) like $2 escape \'\\\' or c.organisation = any(array(select o.id from organisation o where lower(o.name) like $3 escape \'\\\')))'
\set order ' order by c.number desc limit 51'
prepare first_page as :cols :order;
prepare next_page(bigint) as :cols and c.number < $1 :order;
prepare contains(text, text, text) as :cols :contains :order;
prepare email(text) as :cols and c.id in (select i.customer from customer_identity i where i.kind = 'EMAIL' and i.address like $1 escape '\') :order;
prepare phone(text) as :cols and c.id in (select i.customer from customer_identity i where i.kind = 'PHONE' and i.address = $1) :order;
prepare by_number(bigint) as :cols and c.number = $1 :order;

set plan_cache_mode = force_custom_plan;
\echo ==== C1. First page (no search)
execute first_page \g /dev/null
explain (analyze, buffers) execute first_page;
\echo ==== C2. Next page (keyset: number < last number of page 1)
explain (analyze, buffers) execute next_page(:next);
\echo ==== C3. Name fragment "emma wi"
execute contains('%emma wi%', '%emma wi%', '%emma wi%') \g /dev/null
explain (analyze, buffers) execute contains('%emma wi%', '%emma wi%', '%emma wi%');
\echo ==== C4. Surname "Richardson"
explain (analyze, buffers) execute contains('%richardson%', '%richardson%', '%richardson%');
\echo ==== C5. Common fragment "son"
explain (analyze, buffers) execute contains('%son%', '%son%', '%son%');
\echo ==== C6. Organisation fragment "northwind logis"
explain (analyze, buffers) execute contains('%northwind logis%', '%northwind logis%', '%northwind logis%');
\echo ==== C7. Matches nothing "qxzjv"
explain (analyze, buffers) execute contains('%qxzjv%', '%qxzjv%', '%qxzjv%');
\echo ==== C8. Email prefix "emma.wilson@"
execute email('emma.wilson@%') \g /dev/null
explain (analyze, buffers) execute email('emma.wilson@%');
\echo ==== C9. Full email
explain (analyze, buffers) execute email(:'full_email' || '%');
\echo ==== C10. Phone (local "(415) ..." and E.164 both arrive as E.164)
explain (analyze, buffers) execute phone(:'phone_us');
\echo ==== C11. Customer number
explain (analyze, buffers) execute by_number(:cnumber);

\echo
\echo ==== Generic plans of the same statements (what PostgreSQL may use once pgjdbc prepared them on the server)
\echo ==== G0. Default plan_cache_mode (auto): a rare term six times, then explained: the generic plan has taken over,
\echo ====     which is why CustomerSearch sets plan_cache_mode = force_custom_plan for contains-searches
reset plan_cache_mode;
prepare contains_auto(text, text, text) as :cols :contains :order;
execute contains_auto('%emma wi%', '%emma wi%', '%emma wi%') \g /dev/null
execute contains_auto('%emma wi%', '%emma wi%', '%emma wi%') \g /dev/null
execute contains_auto('%emma wi%', '%emma wi%', '%emma wi%') \g /dev/null
execute contains_auto('%emma wi%', '%emma wi%', '%emma wi%') \g /dev/null
execute contains_auto('%emma wi%', '%emma wi%', '%emma wi%') \g /dev/null
execute contains_auto('%emma wi%', '%emma wi%', '%emma wi%') \g /dev/null
explain (analyze, buffers) execute contains_auto('%emma wi%', '%emma wi%', '%emma wi%');
set plan_cache_mode = force_generic_plan;
\echo ==== G3. Name fragment, generic
explain (analyze, buffers) execute contains('%emma wi%', '%emma wi%', '%emma wi%');
\echo ==== G5. Common fragment, generic
explain (analyze, buffers) execute contains('%son%', '%son%', '%son%');
\echo ==== G7. Matches nothing, generic
explain (analyze, buffers) execute contains('%qxzjv%', '%qxzjv%', '%qxzjv%');
\echo ==== G8. Email prefix, generic
explain (analyze, buffers) execute email('emma.wilson@%');
reset plan_cache_mode;
SQL
