-- PostgreSQL only (db/vendor/h2 holds H2's version of this step). Indexes for the customers list search
-- (CustomerSearch), measured in docs/benchmarks-customers.md:
--
-- * "contains" search on names, preferred names and organisation names (lower(x) like '%fragment%'): trigram GIN
--   indexes from the pg_trgm extension, so a rare fragment or one that matches nobody does not read every customer.
-- * email search by its start (address like 'paul.m%'): a pattern-ops index; the primary key (kind, address) only
--   serves LIKE prefixes under the C collation.
--
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension (PostgreSQL 13+): the database owner, or any
-- role with CREATE on the database, may install it. When it cannot be installed here (no CREATE privilege, contrib
-- missing, PostgreSQL 12 or older) this migration still succeeds without the trigram indexes and says so in a
-- warning: search then works as before, only slower on large desks. docs/postgresql.md shows how to add them later.
-- When pg_trgm is already installed (in any schema), its operator classes are used from there.
do $$
declare
    trgm_schema name;
begin
    select n.nspname into trgm_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm';
    if trgm_schema is null then
        begin
            create extension pg_trgm;
            select n.nspname into trgm_schema
            from pg_extension e join pg_namespace n on n.oid = e.extnamespace
            where e.extname = 'pg_trgm';
        exception
            when others then
                raise warning 'Rapport: could not install the pg_trgm extension (%: %). Customer search by name and '
                    'organisation works without it but reads every customer; see docs/postgresql.md, "Customer '
                    'search indexes", to add the indexes later.', sqlstate, sqlerrm;
        end;
    end if;
    if trgm_schema is not null then
        execute format('create index customer_name_trgm_idx on customer using gin (lower(name) %I.gin_trgm_ops)',
                       trgm_schema);
        execute format('create index customer_preferred_name_trgm_idx on customer using gin '
                       '(lower(preferred_name) %I.gin_trgm_ops)', trgm_schema);
        execute format('create index organisation_name_trgm_idx on organisation using gin '
                       '(lower(name) %I.gin_trgm_ops)', trgm_schema);
    end if;
end $$;

create index customer_identity_address_prefix_idx on customer_identity (kind, address varchar_pattern_ops);

analyze customer;
analyze customer_identity;
analyze organisation;
