-- Referral programme tables. The referrer's points live in the host's rewards ledger (FeatureContext.rewards());
-- these tables hold codes, link visits, referrals and the fraud signals found on them. Written for MySQL 8 and
-- MariaDB 10.11+ and for jOOQ's DDLDatabase: separate CREATE INDEX statements, no UNSIGNED.

-- One active code per referrer. A revoke moves the code to referral_revoked_code and gives the referrer a new one.
-- shares: how often the referrer shared the link (the storefront reports it), to spot a leaked code.
CREATE TABLE referral_code (
  shop_id     VARCHAR(64) NOT NULL,
  customer_id VARCHAR(64) NOT NULL,
  code        VARCHAR(20) NOT NULL,
  shares      INT         NOT NULL,
  created_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (shop_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX ux_referral_code_code ON referral_code (shop_id, code);

CREATE TABLE referral_revoked_code (
  shop_id     VARCHAR(64)  NOT NULL,
  code        VARCHAR(20)  NOT NULL,
  customer_id VARCHAR(64)  NOT NULL,
  reason      VARCHAR(500) NOT NULL,
  revoked_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (shop_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Devices (hash of IP address and user agent, made by the host) a referrer used to look at their own link.
CREATE TABLE referral_referrer_device (
  shop_id     VARCHAR(64) NOT NULL,
  customer_id VARCHAR(64) NOT NULL,
  device_hash VARCHAR(64) NOT NULL,
  seen_at     DATETIME(6) NOT NULL,
  PRIMARY KEY (shop_id, customer_id, device_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_referral_referrer_device_hash ON referral_referrer_device (shop_id, device_hash);

-- Landing page visits through a link or code (for the report and the device check).
CREATE TABLE referral_visit (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  shop_id     VARCHAR(64) NOT NULL,
  referrer_id VARCHAR(64) NOT NULL,
  code        VARCHAR(20) NOT NULL,
  device_hash VARCHAR(64) NULL,
  visited_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_referral_visit_referrer ON referral_visit (shop_id, referrer_id);

-- A friend referred by a referrer: at most one per friend (customer id or normalised e-mail) and per order.
-- state: CLAIMED (friend reward issued, waiting for the first order), QUALIFIED (first order counts, reward pending
-- at delivery), FLAGGED (waits in the review queue), REWARDED (referrer's points booked, pending until available_at),
-- AVAILABLE (points spendable, referrer told), BLOCKED, REJECTED (by the operator), VOID (no qualifying order: not
-- the first, below the minimum, cancelled or returned), REVERSED (returned after the reward was booked).
CREATE TABLE referral_friend (
  id                 BIGINT         NOT NULL AUTO_INCREMENT,
  shop_id            VARCHAR(64)    NOT NULL,
  referrer_id        VARCHAR(64)    NOT NULL,
  code               VARCHAR(20)    NOT NULL,
  friend_customer_id VARCHAR(64)    NULL,
  friend_email       VARCHAR(320)   NULL,
  friend_email_key   VARCHAR(320)   NULL,
  device_hash        VARCHAR(64)    NULL,
  state              VARCHAR(20)    NOT NULL,
  void_reason        VARCHAR(40)    NULL,
  coupon_code        VARCHAR(100)   NULL,
  coupon_expires_at  DATETIME(6)    NULL,
  order_id           VARCHAR(64)    NULL,
  order_amount       DECIMAL(19, 4) NULL,
  currency           CHAR(3)        NULL,
  points             BIGINT         NOT NULL,
  available_at       DATETIME(6)    NULL,
  shortfall          BIGINT         NOT NULL,
  created_at         DATETIME(6)    NOT NULL,
  updated_at         DATETIME(6)    NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX ux_referral_friend_customer ON referral_friend (shop_id, friend_customer_id);
CREATE UNIQUE INDEX ux_referral_friend_email ON referral_friend (shop_id, friend_email_key);
CREATE UNIQUE INDEX ux_referral_order ON referral_friend (shop_id, order_id);
CREATE INDEX ix_referral_referrer ON referral_friend (shop_id, referrer_id, created_at);
CREATE INDEX ix_referral_state ON referral_friend (shop_id, state, available_at);

-- Fraud signals found on a referral: the check (SAME_CUSTOMER, SAME_EMAIL, SAME_ADDRESS, SAME_PAYMENT, SAME_DEVICE,
-- MONTHLY_CAP, LEAKED_CODE), what the shop's settings made of it (BLOCK or FLAG) and what was seen, for the review.
CREATE TABLE referral_signal (
  shop_id     VARCHAR(64)  NOT NULL,
  referral_id BIGINT       NOT NULL,
  reason_code VARCHAR(20)  NOT NULL,
  action      VARCHAR(10)  NOT NULL,
  detail      VARCHAR(500) NOT NULL,
  created_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (shop_id, referral_id, reason_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
