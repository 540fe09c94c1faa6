ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'new';
COMMENT ON TABLE orders IS 'orders placed by accounts';
UPDATE orders SET status = 'paid' WHERE amount > 50;
