-- Local mirror of the shop platform's catalog and orders, so features run without calling the shop.

CREATE TABLE catalog_variants (
  shop_id      VARCHAR(64)    NOT NULL,
  variant_id   VARCHAR(64)    NOT NULL,
  product_id   VARCHAR(64)    NOT NULL,
  sku          VARCHAR(100)   NULL,
  product_name VARCHAR(300)   NOT NULL,
  name         VARCHAR(300)   NOT NULL,
  price        DECIMAL(19, 4) NOT NULL,
  currency     CHAR(3)        NOT NULL,
  stock        INT            NOT NULL,
  purchasable  BOOLEAN        NOT NULL,
  url          VARCHAR(1000)  NULL,
  image_url    VARCHAR(1000)  NULL,
  updated_at   TIMESTAMP(3)   NOT NULL,
  PRIMARY KEY (shop_id, variant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_catalog_variants_product ON catalog_variants (shop_id, product_id);

CREATE TABLE orders (
  shop_id     VARCHAR(64)    NOT NULL,
  order_id    VARCHAR(64)    NOT NULL,
  customer_id VARCHAR(64)    NOT NULL,
  placed_at   TIMESTAMP(3)   NOT NULL,
  status      VARCHAR(20)    NOT NULL,
  total       DECIMAL(19, 4) NOT NULL,
  currency    CHAR(3)        NOT NULL,
  PRIMARY KEY (shop_id, order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_orders_customer ON orders (shop_id, customer_id, placed_at);

CREATE TABLE order_lines (
  shop_id           VARCHAR(64)    NOT NULL,
  order_id          VARCHAR(64)    NOT NULL,
  line_no           INT            NOT NULL,
  variant_id        VARCHAR(64)    NOT NULL,
  product_id        VARCHAR(64)    NOT NULL,
  name              VARCHAR(300)   NOT NULL,
  quantity          INT            NOT NULL,
  unit_price        DECIMAL(19, 4) NOT NULL,
  currency          CHAR(3)        NOT NULL,
  returned_quantity INT            NOT NULL DEFAULT 0,
  PRIMARY KEY (shop_id, order_id, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
