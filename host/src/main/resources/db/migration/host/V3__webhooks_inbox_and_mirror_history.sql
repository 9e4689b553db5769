-- Signed webhooks from the shop platform: a secret per shop (the previous one stays valid for a grace period after a
-- rotation), an inbox that stores each event once, and the state the mirror needs to ignore stale events.

ALTER TABLE shops ADD COLUMN webhook_secret VARCHAR(100) NULL;
ALTER TABLE shops ADD COLUMN webhook_secret_previous VARCHAR(100) NULL;
ALTER TABLE shops ADD COLUMN webhook_secret_previous_until TIMESTAMP(3) NULL;

CREATE TABLE inbox_events (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  shop_id         VARCHAR(64)   NOT NULL,
  event_id        VARCHAR(200)  NOT NULL,
  type            VARCHAR(100)  NOT NULL,
  occurred_at     TIMESTAMP(3)  NOT NULL,
  body            MEDIUMTEXT    NOT NULL,
  -- PENDING (waiting), PROCESSING (claimed until lease_until), RETRY (failed, due at next_attempt_at), DONE, DEAD
  state           VARCHAR(20)   NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP(3)  NOT NULL,
  lease_until     TIMESTAMP(3)  NULL,
  -- events derived for the features, kept so a failed listener is retried without applying the facts twice
  derived_events  MEDIUMTEXT    NULL,
  -- plugins whose listeners still have to receive the derived events (comma-separated); null: all of them
  pending_plugins VARCHAR(2000) NULL,
  last_error      VARCHAR(2000) NULL,
  received_at     TIMESTAMP(3)  NOT NULL,
  processed_at    TIMESTAMP(3)  NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX ux_inbox_events_shop_event ON inbox_events (shop_id, event_id);
CREATE INDEX ix_inbox_events_due ON inbox_events (state, next_attempt_at);
CREATE INDEX ix_inbox_events_shop_state ON inbox_events (shop_id, state);

-- When the platform last changed each mirrored row: a fact with an older time changes nothing.
ALTER TABLE catalog_variants ADD COLUMN source_updated_at TIMESTAMP(3) NULL;
ALTER TABLE orders ADD COLUMN source_updated_at TIMESTAMP(3) NULL;

CREATE TABLE catalog_price_history (
  id         BIGINT         NOT NULL AUTO_INCREMENT,
  shop_id    VARCHAR(64)    NOT NULL,
  variant_id VARCHAR(64)    NOT NULL,
  price      DECIMAL(19, 4) NOT NULL,
  currency   CHAR(3)        NOT NULL,
  changed_at TIMESTAMP(3)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_catalog_price_history_variant ON catalog_price_history (shop_id, variant_id, changed_at);

CREATE TABLE catalog_stock_history (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id    VARCHAR(64)  NOT NULL,
  variant_id VARCHAR(64)  NOT NULL,
  stock      INT          NOT NULL,
  changed_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_catalog_stock_history_variant ON catalog_stock_history (shop_id, variant_id, changed_at);

CREATE TABLE customers (
  shop_id           VARCHAR(64)  NOT NULL,
  customer_id       VARCHAR(64)  NOT NULL,
  email             VARCHAR(320) NULL,
  locale            VARCHAR(20)  NULL,
  source_updated_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (shop_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
