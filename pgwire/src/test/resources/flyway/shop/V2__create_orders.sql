CREATE TABLE orders (
  id SERIAL PRIMARY KEY,
  account_id BIGINT NOT NULL,
  amount NUMERIC(12, 2) NOT NULL,
  placed_on DATE NOT NULL DEFAULT CURRENT_DATE
);
CREATE INDEX orders_account_idx ON orders (account_id);
INSERT INTO orders (account_id, amount) VALUES (1, 10.50), (2, 99.99);
