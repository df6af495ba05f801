# Customers list and search cases of the inbox benchmark; sourced by run.sh after the inbox cases (not run alone:
# it uses run.sh's running app, session, API token, sql and measure). Needs customers.sql's data.
#
# Every case is measured twice: the list page (GET /customers?q=..., 50 rows, as the search box sends it) and the
# API (GET /api/v1/customers?q=..., 25 items, bearer token). The search terms are picked from the data so that each
# names what an agent would type; the first API answer of each case is checked and its size printed.

customers_total=$(sql "select count(*) from customer")
# uri TEXT: TEXT encoded for a query string
uri() { jq -rn --arg v "$1" '$v | @uri'; }

# Terms. Person no. 904 of people.sql is Emma Wilson; "Richardson" is one of the 100 surnames (2,000 people).
cust_full_email=$(sql "select address from customer_identity where kind = 'EMAIL' and address like '%@example.org'
                       order by address offset 1000 limit 1")
cust_phone_us=$(sql "select address from customer_identity where kind = 'PHONE' and address like '+1415%'
                     order by address offset 100 limit 1")
# as people write it in the US: (415) 555-0123
cust_phone_local=$(sed -E 's/^\+1([0-9]{3})([0-9]{3})([0-9]{4})$/(\1) \2-\3/' <<<"$cust_phone_us")
cust_phone_e164=$(sql "select address from customer_identity where kind = 'PHONE' and address like '+447%'
                       order by address offset 100 limit 1")
cust_number=$(sql "select number from customer where merged_into is null order by number offset $((customers_total / 3)) limit 1")
cust_page_next=$(sql "select number from customer where merged_into is null order by number desc offset 49 limit 1")
cust_api_next=$(sql "select number from customer where merged_into is null order by number desc offset 24 limit 1")

cust_cases=(
  "first||"
  "next||before"
  "name-fragment|emma wi|"
  "surname|Richardson|"
  "name-common|son|"
  "email-prefix|emma.wilson@|"
  "email-full|$cust_full_email|"
  "phone-local|$cust_phone_local|"
  "phone-e164|$cust_phone_e164|"
  "organisation|northwind logis|"
  "number|#$cust_number|"
  "no-match|qxzjv|"
)
# paths CASE_NAME Q PAGED: the page's and the API's path of a case
page_path() { if [[ -n $3 ]]; then echo "/customers?before=$cust_page_next"; elif [[ -n $2 ]]; then echo "/customers?q=$(uri "$2")"; else echo "/customers"; fi; }
api_path() { if [[ -n $3 ]]; then echo "/api/v1/customers?cursor=$cust_api_next"; elif [[ -n $2 ]]; then echo "/api/v1/customers?q=$(uri "$2")"; else echo "/api/v1/customers"; fi; }

echo "customers: $customers_total customers, $(sql "select count(*) from organisation") organisations, $(sql "select count(*) from customer_identity") identities, $(sql "select count(*) from conversation where customer_id is not null") conversations linked"
printf '  %-14s %-34s %s\n' case "page path" "API answer (size 25)"
for c in "${cust_cases[@]}"; do
  IFS='|' read -r cname cq cpaged <<<"$c"
  path=$(api_path "$cname" "$cq" "$cpaged")
  answer=$(curl -sf -H "Authorization: Bearer $token" "$base$path") || { echo "GET $path failed"; exit 1; }
  printf '  %-14s %-34s %s items, next %s, first #%s\n' "$cname" "$(page_path "$cname" "$cq" "$cpaged")" \
    "$(jq '.items | length' <<<"$answer")" "$(jq -r '.next // "none"' <<<"$answer")" \
    "$(jq -r '.items[0].number // "-"' <<<"$answer")"
done

for c in "${cust_cases[@]}"; do
  IFS='|' read -r cname cq cpaged <<<"$c"
  measure "customers-$cname" 50 "$(page_path "$cname" "$cq" "$cpaged")" "${session[@]}"
done
for c in "${cust_cases[@]}"; do
  IFS='|' read -r cname cq cpaged <<<"$c"
  measure "api-customers-$cname" 50 "$(api_path "$cname" "$cq" "$cpaged")" -H "Authorization: Bearer $token"
done
