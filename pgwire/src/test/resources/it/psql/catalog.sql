-- psql's describe commands against Yggdrasil's pg_catalog; catalog.out is what PostgreSQL 15
-- prints for this script (see PsqlScriptTest).
CREATE TABLE cat_items (
  id int4 PRIMARY KEY,
  name text NOT NULL,
  code varchar(10) UNIQUE,
  qty int8 DEFAULT 0,
  price numeric(10,2),
  created date,
  active bool DEFAULT false
);
\dn
\dt
\d cat_items
\d+ cat_items
\di
\d cat_items_pkey
\dv
\ds
\df
\d no_such_table
DROP TABLE cat_items;
\dt
