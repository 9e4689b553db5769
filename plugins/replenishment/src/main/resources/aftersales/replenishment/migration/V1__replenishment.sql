-- Replenishment reminders. Written for MySQL 8 and MariaDB 10.11+ and for jOOQ's DDLDatabase: separate CREATE INDEX
-- statements, no UNSIGNED. Every table has shop_id first in each key.

-- How long one unit lasts, set by the operator per product or per variant (a variant's value wins).
CREATE TABLE replenishment_usage (
  shop_id     VARCHAR(64)  NOT NULL,
  target      VARCHAR(10)  NOT NULL,
  target_id   VARCHAR(64)  NOT NULL,
  usage_days  INT          NOT NULL,
  updated_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (shop_id, target, target_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each order line the plugin has seen, net of returns: the history learned intervals come from.
CREATE TABLE replenishment_purchase (
  shop_id      VARCHAR(64) NOT NULL,
  order_id     VARCHAR(64) NOT NULL,
  variant_id   VARCHAR(64) NOT NULL,
  customer_id  VARCHAR(64) NOT NULL,
  placed_at    DATETIME(6) NOT NULL,
  quantity     INT         NOT NULL,
  PRIMARY KEY (shop_id, order_id, variant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX replenishment_purchase_customer ON replenishment_purchase (shop_id, customer_id, variant_id, placed_at);

-- The due table: one row per customer and variant, kept up to date by order events, customer choices and operator
-- changes. due_at is the run-out date of the current cycle while a reminder is still to be sent for it, else null;
-- the daily scan reads only this index.
CREATE TABLE replenishment_item (
  shop_id         VARCHAR(64)    NOT NULL,
  customer_id     VARCHAR(64)    NOT NULL,
  variant_id      VARCHAR(64)    NOT NULL,
  product_id      VARCHAR(64)    NULL,
  last_order_id   VARCHAR(64)    NOT NULL,
  last_purchase_at DATETIME(6)   NOT NULL,
  units           INT            NOT NULL,
  purchases       INT            NOT NULL,
  customer_days   DECIMAL(10, 2) NULL,
  custom_days     INT            NULL,
  unit_days       DECIMAL(10, 2) NULL,
  rule_name       VARCHAR(20)    NOT NULL,
  run_out_at      DATETIME(6)    NULL,
  due_at          DATETIME(6)    NULL,
  snoozed_until   DATETIME(6)    NULL,
  skipped         INT            NOT NULL,
  stopped         BOOLEAN        NOT NULL,
  reminder_id     VARCHAR(36)    NULL,
  updated_at      DATETIME(6)    NOT NULL,
  PRIMARY KEY (shop_id, customer_id, variant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX replenishment_item_due ON replenishment_item (shop_id, due_at);
CREATE INDEX replenishment_item_variant ON replenishment_item (shop_id, variant_id);
CREATE INDEX replenishment_item_product ON replenishment_item (shop_id, product_id);

-- The shop-wide learned interval of a variant: the median of its repeat buyers' own medians.
CREATE TABLE replenishment_variant (
  shop_id        VARCHAR(64)    NOT NULL,
  variant_id     VARCHAR(64)    NOT NULL,
  repeat_buyers  INT            NOT NULL,
  median_days    DECIMAL(10, 2) NULL,
  updated_at     DATETIME(6)    NOT NULL,
  PRIMARY KEY (shop_id, variant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One reminder mail: its customer, the cart its buy-again link made (once), when that link was first used.
CREATE TABLE replenishment_reminder (
  shop_id          VARCHAR(64)   NOT NULL,
  id               VARCHAR(36)   NOT NULL,
  customer_id      VARCHAR(64)   NOT NULL,
  created_at       DATETIME(6)   NOT NULL,
  clicked_at       DATETIME(6)   NULL,
  cart_claimed_at  DATETIME(6)   NULL,
  cart_id          VARCHAR(200)  NULL,
  checkout_url     VARCHAR(1000) NULL,
  PRIMARY KEY (shop_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX replenishment_reminder_customer ON replenishment_reminder (shop_id, customer_id);
CREATE INDEX replenishment_reminder_created ON replenishment_reminder (shop_id, created_at);

-- The items a reminder listed.
CREATE TABLE replenishment_reminder_line (
  shop_id      VARCHAR(64) NOT NULL,
  reminder_id  VARCHAR(36) NOT NULL,
  variant_id   VARCHAR(64) NOT NULL,
  quantity     INT         NOT NULL,
  PRIMARY KEY (shop_id, reminder_id, variant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- An order line that bought a reminded item again: what the report counts as reordered and its revenue.
CREATE TABLE replenishment_reorder (
  shop_id      VARCHAR(64)    NOT NULL,
  order_id     VARCHAR(64)    NOT NULL,
  variant_id   VARCHAR(64)    NOT NULL,
  reminder_id  VARCHAR(36)    NOT NULL,
  customer_id  VARCHAR(64)    NOT NULL,
  amount       DECIMAL(19, 4) NOT NULL,
  currency     CHAR(3)        NOT NULL,
  placed_at    DATETIME(6)    NOT NULL,
  PRIMARY KEY (shop_id, order_id, variant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX replenishment_reorder_customer ON replenishment_reorder (shop_id, customer_id);
CREATE INDEX replenishment_reorder_placed ON replenishment_reorder (shop_id, placed_at);
