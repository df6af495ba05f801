-- H2 version of the PostgreSQL step that adds the customer search indexes (db/vendor/postgresql). H2 has neither
-- trigram indexes nor indexes on expressions such as lower(name); the indexes of V1_6_0 stay as they are, and fresh
-- statistics are all this step does here.
analyze table customer;
analyze table customer_identity;
analyze table organisation;
