-- Community rewards: which contributions earned points. The points themselves live in the host's rewards ledger
-- (FeatureContext.rewards()). Written for MySQL 8 and MariaDB 10.11+ and for jOOQ's DDLDatabase.

-- One row per customer who contributed: awarding locks it first, so concurrent approvals of one customer's content
-- take turns and the weekly cap holds.
CREATE TABLE community_rewards_member (
  shop_id     VARCHAR(64) NOT NULL,
  customer_id VARCHAR(64) NOT NULL,
  updated_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (shop_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A contribution that was considered for points: points granted (0 when the weekly cap was reached), the ledger key,
-- the week (Monday in the shop's time zone) it counts towards, and whether it was reversed when the content went.
-- kind: REVIEW, PHOTO, ANSWER, QUESTION. Once per customer, product and kind.
CREATE TABLE community_rewards_award (
  shop_id         VARCHAR(64)  NOT NULL,
  kind            VARCHAR(10)  NOT NULL,
  content_id      VARCHAR(64)  NOT NULL,
  customer_id     VARCHAR(64)  NOT NULL,
  product_id      VARCHAR(64)  NOT NULL,
  points          BIGINT       NOT NULL,
  ledger_key      VARCHAR(200) NOT NULL,
  week_start      DATE         NOT NULL,
  reversed        BOOLEAN      NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (shop_id, kind, content_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX community_rewards_award_once ON community_rewards_award (shop_id, customer_id, product_id, kind);
CREATE INDEX community_rewards_award_week ON community_rewards_award (shop_id, customer_id, week_start);
CREATE INDEX community_rewards_award_created ON community_rewards_award (shop_id, created_at);
