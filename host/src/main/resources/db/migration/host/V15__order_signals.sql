-- What the platform reports about how an order was placed (docs/connector-contract.md 2.4, optional fields): the
-- order's e-mail, the coupon codes applied (one per line), a hash of the shipping address and the payment
-- fingerprint. Features read them as Order.signals(); erasure clears them with the customer id.

ALTER TABLE orders ADD COLUMN email VARCHAR(320) NULL;
ALTER TABLE orders ADD COLUMN coupon_codes VARCHAR(2100) NULL;
ALTER TABLE orders ADD COLUMN shipping_address_hash VARCHAR(128) NULL;
ALTER TABLE orders ADD COLUMN payment_fingerprint VARCHAR(128) NULL;
