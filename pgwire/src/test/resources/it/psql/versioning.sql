-- Yggdrasil's versioning surface through psql. versioning.out is Yggdrasil's own output,
-- reviewed by hand (PostgreSQL has no ygg.* surface); commit ids are captured, never printed.
\set QUIET off
CREATE TABLE psql_vorders (id int PRIMARY KEY, region text, price numeric(12,2));
INSERT INTO psql_vorders VALUES (1, 'EU', 10.00), (2, 'US', 20.00), (3, 'EU', 30.00);
SELECT ygg.commit_id() AS before_update \gset
SELECT ygg.create_branch('psql_experiment', 'main');
SET ygg.branch = 'psql_experiment';
SHOW ygg.branch;
UPDATE psql_vorders SET price = price * 0.9 WHERE region = 'EU';
SELECT region, sum(price) FROM psql_vorders GROUP BY region ORDER BY region;
RESET ygg.branch;
SELECT region, sum(price) FROM psql_vorders GROUP BY region ORDER BY region;
SELECT name, "current" FROM ygg.branches ORDER BY name;
SET ygg.commit_message = 'raise US prices';
UPDATE psql_vorders SET price = price + 1 WHERE region = 'US';
SELECT message, author, branch FROM ygg.log LIMIT 1;
SET ygg.commit_id = :'before_update';
SELECT sum(price) FROM psql_vorders;
UPDATE psql_vorders SET price = 0;
RESET ygg.commit_id;
SELECT sum(price) FROM psql_vorders;
BEGIN;
SET ygg.branch = 'psql_experiment';
SELECT count(*) FROM psql_vorders;
SET ygg.branch = 'main';
ROLLBACK;
SHOW ygg.branch;
SET ygg.branch = 'no_such_branch';
SELECT ygg.delete_branch('psql_experiment');
SELECT count(*) FROM ygg.branches;
