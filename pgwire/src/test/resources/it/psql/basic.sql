-- A psql session against Yggdrasil; basic.out is what PostgreSQL 15 prints for it.
-- Runs with: psql -X -q -v ON_ERROR_STOP=0 -h HOST -p PORT -U ygg ygg -f basic.sql
-- QUIET off again, so that psql prints every command tag (INSERT 0 3, UPDATE 2, ...).
\set QUIET off
CREATE TABLE psql_customers (
  id int4 PRIMARY KEY,
  name text NOT NULL,
  country varchar(2) DEFAULT 'SE'
);
CREATE TABLE psql_orders (
  id int8 PRIMARY KEY,
  customer_id int4 NOT NULL,
  amount numeric(10,2) NOT NULL,
  placed date,
  paid bool DEFAULT false
);
INSERT INTO psql_customers VALUES (1, 'Ada', 'GB'), (2, 'Björn', DEFAULT), (3, 'Chen', 'CN');
INSERT INTO psql_customers (id, name) VALUES (4, 'Dagny');
INSERT INTO psql_orders VALUES
  (100, 1, 250.00, '2024-01-05', true),
  (101, 1, 19.99, '2024-02-10', false),
  (102, 2, 1200.50, '2024-02-11', true),
  (103, 3, 5.00, NULL, DEFAULT);
SELECT * FROM psql_customers ORDER BY id;
SELECT c.name, count(o.id) AS orders, coalesce(sum(o.amount), 0) AS total
  FROM psql_customers c LEFT JOIN psql_orders o ON o.customer_id = c.id
  GROUP BY c.name
  ORDER BY total DESC, c.name;
SELECT id, amount, placed, paid, amount > 100 AS big FROM psql_orders WHERE placed >= '2024-02-01' ORDER BY id;
SELECT upper(name) AS shout, length(name), country IS NULL AS no_country FROM psql_customers WHERE id IN (2, 4) ORDER BY 1;
UPDATE psql_orders SET paid = true WHERE amount < 100;
DELETE FROM psql_orders WHERE id = 103 RETURNING id, amount;
SELECT count(*) FILTER (WHERE paid) AS paid, count(*) AS all_orders FROM psql_orders;
-- A transaction that commits.
BEGIN;
INSERT INTO psql_orders VALUES (104, 4, 42.00, '2024-03-01', false);
UPDATE psql_customers SET country = 'NO' WHERE id = 4;
COMMIT;
-- A transaction that fails and is rolled back.
BEGIN;
INSERT INTO psql_orders VALUES (105, 4, 1.00, '2024-03-02', false);
SELECT 1 / 0;
SELECT * FROM psql_orders;
ROLLBACK;
SELECT id, customer_id, amount FROM psql_orders ORDER BY id;
-- Errors outside a transaction.
INSERT INTO psql_customers VALUES (1, 'Again', 'XX');
SELECT * FROM psql_nosuch;
SELECT nosuch FROM psql_customers;
SELECT 'twelve'::int4;
SELEC 1;
-- Still working.
SELECT name, country FROM psql_customers ORDER BY id;
TRUNCATE psql_orders;
SELECT count(*) FROM psql_orders;
DROP TABLE psql_orders;
DROP TABLE psql_customers;
