-- Holdout groups of the notification core: per shop and messaging feature, a share of customers whose messages are
-- recorded (state HELD_OUT in notify_messages) instead of sent, so the lift report can compare them with the rest.

-- One row per shop and feature that has a holdout group: the row concurrent changes of its share lock first.
CREATE TABLE holdout_features (
  shop_id    VARCHAR(64) NOT NULL,
  feature_id VARCHAR(64) NOT NULL,
  PRIMARY KEY (shop_id, feature_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per draw. The current draw of a (shop, feature) is the one with ended_at NULL. Setting a share or
-- re-drawing ends the current draw and starts a new one with a new random salt: membership is
-- HMAC-SHA256(salt, customer id) < share, sticky for the whole draw and the same on every host instance.
CREATE TABLE holdout_draws (
  shop_id       VARCHAR(64)  NOT NULL,
  feature_id    VARCHAR(64)  NOT NULL,
  draw_no       INT          NOT NULL,
  -- 0 to 50 percent of the feature's customers held out
  share_percent INT          NOT NULL,
  -- 32 random bytes, hex
  salt          CHAR(64)     NOT NULL,
  started_at    TIMESTAMP(3) NOT NULL,
  ended_at      TIMESTAMP(3) NULL,
  PRIMARY KEY (shop_id, feature_id, draw_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The customers a feature meant to message during a draw, with their group and the time of the first message
-- (sent or held out): the units of the lift report.
CREATE TABLE holdout_members (
  shop_id          VARCHAR(64)  NOT NULL,
  feature_id       VARCHAR(64)  NOT NULL,
  draw_no          INT          NOT NULL,
  customer_id      VARCHAR(64)  NOT NULL,
  held_out         BOOLEAN      NOT NULL,
  first_message_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (shop_id, feature_id, draw_no, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_holdout_members_period ON holdout_members (shop_id, feature_id, first_message_at);
CREATE INDEX ix_holdout_members_customer ON holdout_members (shop_id, customer_id);

-- Products bought by the same customers, per shop, recomputed by the host job BoughtTogether from the order mirror:
-- "customers who bought product_id also bought other_product_id". Only pairs of at least two customers are kept, so a
-- row never describes one person's purchases.
CREATE TABLE recommendation_pairs (
  shop_id          VARCHAR(64)  NOT NULL,
  product_id       VARCHAR(64)  NOT NULL,
  other_product_id VARCHAR(64)  NOT NULL,
  customers        INT          NOT NULL,
  computed_at      TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (shop_id, product_id, other_product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
