-- COPY from psql: \copy from client files and COPY ... FROM STDIN inline, COPY ... TO STDOUT,
-- and errors with their CONTEXT. copy.out is what PostgreSQL 15 prints for it.
-- Runs with: psql -X -q -v ON_ERROR_STOP=0 -h HOST -p PORT -U ygg ygg -f copy.sql
\set QUIET off
CREATE TABLE psql_copy (id int4 PRIMARY KEY, name text, placed timestamp, amount numeric(8,2));
\copy psql_copy from 'copy_in.tsv'
\copy psql_copy from 'copy_in.csv' with (format csv, header true)
COPY psql_copy FROM STDIN;
7	tab\there	\N	1.5
8	back\\slash	2000-01-01 12:00:00	\N
\.
SELECT count(*), sum(amount) FROM psql_copy;
COPY psql_copy TO STDOUT;
\copy (SELECT id, name, amount FROM psql_copy WHERE id > 3 ORDER BY id) to stdout with csv header
COPY psql_copy (name, id) TO STDOUT WITH (FORMAT csv, DELIMITER '|', FORCE_QUOTE (name));
-- a bad value: nothing of this COPY is kept
COPY psql_copy FROM STDIN;
9	ok	\N	1
ten	bad	\N	1
\.
-- a key that is already there
COPY psql_copy (id, name) FROM STDIN WITH (FORMAT csv);
11,new
1,duplicate
\.
\copy psql_copy from 'copy_in.tsv' with (format csv)
SELECT count(*) FROM psql_copy;
-- inside a transaction
BEGIN;
COPY psql_copy (id) FROM STDIN;
20
21
\.
SELECT count(*) FROM psql_copy;
ROLLBACK;
SELECT count(*) FROM psql_copy;
COPY psql_nope FROM STDIN;
COPY psql_copy (nope) TO STDOUT;
