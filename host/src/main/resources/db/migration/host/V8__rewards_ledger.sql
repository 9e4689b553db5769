-- The rewards ledger (host service behind FeatureContext.rewards()): append-only entries per shop and customer, and
-- one balance row per (shop, customer) that every booking updates in the same transaction. Plugins never reach these
-- tables through db(); they go through the Rewards service.

-- kind: EARN, REVERSAL, SPEND, EXPIRY, ADJUSTMENT. state: PENDING, AVAILABLE, REVERSED, EXPIRED, SPENT, RESERVED,
-- RELEASED. amount never changes after the insert; state moves on (PENDING -> AVAILABLE, RESERVED -> SPENT|RELEASED,
-- an earning reversed in full -> REVERSED). in_pending says which bucket the amount counts in: an earning and the
-- reversals of it while it was pending count in `pending` until the earning matures, then all move to `available`.
-- A RELEASED hold counts for nothing. The drift check recomputes every balance from these rules.
CREATE TABLE rewards_entries (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id         VARCHAR(64)  NOT NULL,
  customer_id     VARCHAR(64)  NOT NULL,
  feature_id      VARCHAR(64)  NOT NULL,
  kind            VARCHAR(20)  NOT NULL,
  state           VARCHAR(20)  NOT NULL,
  in_pending      BOOLEAN      NOT NULL,
  amount          BIGINT       NOT NULL,
  shortfall       BIGINT       NOT NULL,
  reversed_points BIGINT       NOT NULL,
  reason          VARCHAR(500) NOT NULL,
  reference       VARCHAR(200) NULL,
  idempotency_key VARCHAR(200) NOT NULL,
  original_id     BIGINT       NULL,
  original_key    VARCHAR(200) NULL,
  created_at      DATETIME(6)  NOT NULL,
  available_at    DATETIME(6)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX ux_rewards_entries_key ON rewards_entries (shop_id, idempotency_key);
CREATE INDEX ix_rewards_entries_customer ON rewards_entries (shop_id, customer_id, id);
CREATE INDEX ix_rewards_entries_due ON rewards_entries (state, available_at);
CREATE INDEX ix_rewards_entries_original ON rewards_entries (shop_id, original_id);
CREATE INDEX ix_rewards_entries_created ON rewards_entries (shop_id, created_at);

-- The balance the customer sees and spends. The CHECK constraints are the last line: every update that could take a
-- bucket below zero is conditional (or runs under this row's lock), so they never fire in normal operation.
CREATE TABLE rewards_balances (
  shop_id          VARCHAR(64) NOT NULL,
  customer_id      VARCHAR(64) NOT NULL,
  available        BIGINT      NOT NULL,
  pending          BIGINT      NOT NULL,
  reserved         BIGINT      NOT NULL,
  lifetime_earned  BIGINT      NOT NULL,
  last_activity_at DATETIME(6) NULL,
  PRIMARY KEY (shop_id, customer_id),
  CONSTRAINT ck_rewards_balances_available CHECK (available >= 0),
  CONSTRAINT ck_rewards_balances_pending CHECK (pending >= 0),
  CONSTRAINT ck_rewards_balances_reserved CHECK (reserved >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_rewards_balances_activity ON rewards_balances (shop_id, last_activity_at);
