-- psql's \d sections for foreign keys, checks, indexes and comments; constraints.out is what
-- PostgreSQL 15 prints for this script (see PsqlScriptTest).
CREATE TABLE con_owner (
  id int4 PRIMARY KEY,
  code varchar(10) UNIQUE,
  region int4,
  serial_no int4,
  UNIQUE (region, serial_no)
);
CREATE TABLE con_pet (
  id int4 PRIMARY KEY,
  owner_id int4 REFERENCES con_owner (id) ON DELETE CASCADE,
  owner_code varchar(10) REFERENCES con_owner (code) ON UPDATE RESTRICT ON DELETE SET NULL,
  region int4,
  serial_no int4,
  legs int4 CHECK (legs >= 0),
  name text NOT NULL,
  CONSTRAINT con_pet_tag FOREIGN KEY (region, serial_no) REFERENCES con_owner (region, serial_no),
  CONSTRAINT con_pet_name_short CHECK (length(name) < 20)
);
CREATE INDEX con_pet_name ON con_pet (name DESC);
CREATE UNIQUE INDEX con_pet_owner_name ON con_pet (owner_id, name);
COMMENT ON TABLE con_pet IS 'pets and their owners';
COMMENT ON COLUMN con_pet.legs IS 'how many legs';
\d con_owner
\d con_pet
\d+ con_pet
\d con_pet_name
SELECT conname, contype, conkey, confkey, confupdtype, confdeltype
  FROM pg_constraint WHERE conrelid = 'con_pet'::regclass ORDER BY conname;
SELECT obj_description('con_pet'::regclass, 'pg_class'), col_description('con_pet'::regclass, 6);
SELECT constraint_name, unique_constraint_name, update_rule, delete_rule
  FROM information_schema.referential_constraints ORDER BY 1;
SELECT constraint_name, constraint_type FROM information_schema.table_constraints
  WHERE table_name = 'con_pet' AND constraint_name NOT LIKE '%not_null' ORDER BY 1;
SELECT constraint_name, column_name, ordinal_position, position_in_unique_constraint
  FROM information_schema.key_column_usage WHERE table_name = 'con_pet' ORDER BY 1, 3;
SELECT constraint_name, check_clause FROM information_schema.check_constraints
  WHERE constraint_name LIKE 'con%' ORDER BY 1;
DROP TABLE con_pet;
DROP TABLE con_owner;
