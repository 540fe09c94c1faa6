CREATE TABLE account (
  id BIGSERIAL PRIMARY KEY,
  username VARCHAR(100) NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO account (username) VALUES ('alice');
INSERT INTO account (username) VALUES ('bob');
