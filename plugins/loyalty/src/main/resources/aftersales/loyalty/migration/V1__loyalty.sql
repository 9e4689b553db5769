-- Loyalty programme tables. Points themselves live in the host's rewards ledger (FeatureContext.rewards()); these
-- tables hold the programme, members' tiers, the orders the programme rewarded, and redemptions. Written for MySQL 8
-- and MariaDB 10.11+ and for jOOQ's DDLDatabase: separate CREATE INDEX statements, no UNSIGNED.

-- How tiers are reached: tier_basis POINTS (order points that became available) or SPEND (amount of the rewarded
-- orders, returns deducted); tier_period LIFETIME or YEAR (calendar year, UTC).
CREATE TABLE loyalty_programme (
  shop_id     VARCHAR(64) NOT NULL,
  tier_basis  VARCHAR(10) NOT NULL,
  tier_period VARCHAR(10) NOT NULL,
  updated_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (shop_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Tiers, ascending by threshold (the programme validates: thresholds strictly ascending, names unique).
CREATE TABLE loyalty_tier (
  shop_id     VARCHAR(64)    NOT NULL,
  position    INT            NOT NULL,
  name        VARCHAR(100)   NOT NULL,
  threshold   DECIMAL(19, 2) NOT NULL,
  multiplier  DECIMAL(6, 2)  NOT NULL,
  entry_bonus BIGINT         NOT NULL,
  perks       VARCHAR(1000)  NOT NULL,
  PRIMARY KEY (shop_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What customers can redeem their points for: a fixed amount off (amount, currency) or free shipping.
CREATE TABLE loyalty_reward (
  id         BIGINT         NOT NULL AUTO_INCREMENT,
  shop_id    VARCHAR(64)    NOT NULL,
  name       VARCHAR(200)   NOT NULL,
  points     BIGINT         NOT NULL,
  kind       VARCHAR(20)    NOT NULL,
  amount     DECIMAL(19, 2) NULL,
  currency   CHAR(3)        NULL,
  active     BOOLEAN        NOT NULL,
  created_at DATETIME(6)    NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX loyalty_reward_shop ON loyalty_reward (shop_id, active, points);

-- A customer's tier. reviewed_year: the calendar year whose start last allowed a downgrade (at most once a year).
CREATE TABLE loyalty_member (
  shop_id       VARCHAR(64)  NOT NULL,
  customer_id   VARCHAR(64)  NOT NULL,
  tier_name     VARCHAR(100) NULL,
  reviewed_year INT          NOT NULL,
  updated_at    DATETIME(6)  NOT NULL,
  PRIMARY KEY (shop_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX loyalty_member_tier ON loyalty_member (shop_id, tier_name);

-- An order the programme rewarded on delivery: points booked (pending until available_at), points reversed for
-- returns so far, and the amount the points were earned on (for tiers by amount spent).
CREATE TABLE loyalty_order (
  shop_id         VARCHAR(64)    NOT NULL,
  order_id        VARCHAR(64)    NOT NULL,
  customer_id     VARCHAR(64)    NOT NULL,
  points          BIGINT         NOT NULL,
  reversed_points BIGINT         NOT NULL,
  amount          DECIMAL(19, 4) NOT NULL,
  returned_amount DECIMAL(19, 4) NOT NULL,
  currency        CHAR(3)        NOT NULL,
  multiplier      DECIMAL(6, 2)  NOT NULL,
  delivered_at    DATETIME(6)    NOT NULL,
  available_at    DATETIME(6)    NOT NULL,
  PRIMARY KEY (shop_id, order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX loyalty_order_customer ON loyalty_order (shop_id, customer_id, available_at);

-- A redemption: the customer's request key, the reward, and the coupon the platform issued.
CREATE TABLE loyalty_redemption (
  shop_id         VARCHAR(64)  NOT NULL,
  idempotency_key VARCHAR(200) NOT NULL,
  customer_id     VARCHAR(64)  NOT NULL,
  reward_id       BIGINT       NOT NULL,
  points          BIGINT       NOT NULL,
  coupon_code     VARCHAR(100) NOT NULL,
  expires_at      DATETIME(6)  NULL,
  created_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (shop_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX loyalty_redemption_customer ON loyalty_redemption (shop_id, customer_id, created_at);
