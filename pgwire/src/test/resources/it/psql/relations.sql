-- Views and sequences in psql's listings and pg_sequence; relations.out is what PostgreSQL 15
-- prints for this script (see PsqlScriptTest).
CREATE TABLE rel_t (id serial PRIMARY KEY, name text);
CREATE VIEW rel_v AS SELECT name FROM rel_t;
CREATE SEQUENCE rel_s START 5 INCREMENT 2;
COMMENT ON VIEW rel_v IS 'names only';
COMMENT ON SEQUENCE rel_s IS 'odd numbers';
\dv
\ds
\d
SELECT c.relname, c.relkind, s.seqstart, s.seqincrement, s.seqmin, s.seqmax
  FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid ORDER BY 1;
SELECT obj_description('rel_v'::regclass, 'pg_class'), obj_description('rel_s'::regclass);
DROP VIEW rel_v;
DROP TABLE rel_t;
DROP SEQUENCE rel_s;
\ds
