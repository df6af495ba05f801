-- H2 version of the PostgreSQL step that makes the queue indexes partial (db/vendor/postgresql). H2 has no partial
-- indexes; the queue indexes of V1_3_0 stay, and fresh statistics are all this step needs here.
analyze table conversation;
