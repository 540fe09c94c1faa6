-- Enum types in psql's describe commands (\dT, \dT+, \d); enums.out is what PostgreSQL 15
-- prints for this script (see PsqlScriptTest).
CREATE TYPE cat_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE cat_size AS ENUM ();
CREATE TABLE cat_people (
  id int4 PRIMARY KEY,
  mood cat_mood NOT NULL DEFAULT 'ok',
  size cat_size
);
INSERT INTO cat_people VALUES (1, 'happy'), (2, 'sad'), (3, 'ok');
SELECT id, mood FROM cat_people ORDER BY mood;
SELECT id, mood FROM cat_people WHERE mood >= 'ok' ORDER BY mood DESC;
ALTER TYPE cat_mood ADD VALUE 'meh' BEFORE 'ok';
ALTER TYPE cat_mood ADD VALUE 'meh';
ALTER TYPE cat_mood RENAME VALUE 'happy' TO 'glad';
\dT
\dT+
\dT cat_mood
\d cat_people
\d+ cat_people
SELECT enumlabel, enumsortorder FROM pg_enum WHERE enumtypid = 'cat_mood'::regtype ORDER BY enumsortorder;
SELECT table_name, column_name, data_type, udt_schema, udt_name FROM information_schema.columns WHERE table_name = 'cat_people' ORDER BY ordinal_position;
DROP TYPE cat_mood;
DROP TYPE cat_mood CASCADE;
\d cat_people
DROP TABLE cat_people;
DROP TYPE cat_size;
DROP TYPE IF EXISTS cat_size;
\dT
