-- One row per customer the shop thanked: the first order is thanked once, whatever arrives later or twice.
CREATE TABLE thank_you_thanked (
  shop_id     VARCHAR(64)  NOT NULL,
  customer_id VARCHAR(128) NOT NULL,
  order_id    VARCHAR(128) NOT NULL,
  thanked_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (shop_id, customer_id)
);
