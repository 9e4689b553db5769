-- Stock alert tables. Written for MySQL 8 and MariaDB 10.11+ alike, and for jOOQ's DDLDatabase (H2 at build time):
-- indexes are separate CREATE INDEX statements, no UNSIGNED. Every table carries shop_id; every index starts with it.

-- One subscription per variant and subscriber. subscriber_key is 'c:<customer id>' or 'e:<lower-cased address>', so
-- subscribing twice finds the same row; a notified or expired row is reused when the person subscribes again.
-- state: AWAITING_CONFIRMATION (guest, double opt-in pending), ACTIVE, NOTIFIED, EXPIRED.
CREATE TABLE stock_alert_subscription (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id        VARCHAR(64)  NOT NULL,
  variant_id     VARCHAR(255) NOT NULL,
  subscriber_key VARCHAR(330) NOT NULL,
  customer_id    VARCHAR(255) NULL,
  email          VARCHAR(320) NULL,
  locale         VARCHAR(35)  NULL,
  state          VARCHAR(30)  NOT NULL,
  created_at     DATETIME(6)  NOT NULL,
  expires_at     DATETIME(6)  NOT NULL,
  notified_at    DATETIME(6)  NULL,
  restock_id     BIGINT       NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX stock_alert_subscription_subscriber ON stock_alert_subscription (shop_id, variant_id, subscriber_key);
CREATE INDEX stock_alert_subscription_queue ON stock_alert_subscription (shop_id, variant_id, state, created_at, id);
CREATE INDEX stock_alert_subscription_customer ON stock_alert_subscription (shop_id, customer_id, id);
CREATE INDEX stock_alert_subscription_email ON stock_alert_subscription (shop_id, email);
CREATE INDEX stock_alert_subscription_expiry ON stock_alert_subscription (shop_id, state, expires_at);

-- A variant's stock rose to the threshold. While OPEN, the job sends a batch at next_batch_at (first after the
-- trigger delay, then every batch interval) until no subscriber is left (DONE) or the variant is no longer available
-- (SOLD_OUT); a drop below the threshold before that closes it too.
CREATE TABLE stock_alert_restock (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id       VARCHAR(64)  NOT NULL,
  variant_id    VARCHAR(255) NOT NULL,
  state         VARCHAR(20)  NOT NULL,
  detected_at   DATETIME(6)  NOT NULL,
  next_batch_at DATETIME(6)  NOT NULL,
  batches       INT          NOT NULL,
  notified      INT          NOT NULL,
  closed_at     DATETIME(6)  NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX stock_alert_restock_due ON stock_alert_restock (shop_id, state, next_batch_at);
CREATE INDEX stock_alert_restock_variant ON stock_alert_restock (shop_id, variant_id, state);
