-- One row per win-back sequence: a lapsed customer, the rule that made them lapsed, where the sequence stands
-- (REMINDED -> OFFERED -> REACTIVATED | EXPIRED | UNSUBSCRIBED | COUPON_FAILED) and what it brought back.
CREATE TABLE win_back_sequences (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  shop_id           VARCHAR(64)    NOT NULL,
  customer_id       VARCHAR(64)    NOT NULL,
  -- the customer's last order when the sequence started: one sequence per lapse
  last_order_at     TIMESTAMP(3)   NOT NULL,
  -- the rule that applied, e.g. "max(120 days, 3 x 45 days between orders) = 135 days"
  lapse_rule        VARCHAR(200)   NOT NULL,
  state             VARCHAR(20)    NOT NULL,
  started_at        TIMESTAMP(3)   NOT NULL,
  offer_due_at      TIMESTAMP(3)   NULL,
  coupon_attempts   INT            NOT NULL DEFAULT 0,
  -- why the platform refused the last coupon request
  coupon_error      VARCHAR(500)   NULL,
  coupon_code       VARCHAR(100)   NULL,
  coupon_expires_at TIMESTAMP(3)   NULL,
  offered_at        TIMESTAMP(3)   NULL,
  ended_at          TIMESTAMP(3)   NULL,
  order_id          VARCHAR(64)    NULL,
  revenue           DECIMAL(19, 4) NULL,
  currency          CHAR(3)        NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX ux_win_back_sequences_lapse ON win_back_sequences (shop_id, customer_id, last_order_at);
CREATE INDEX ix_win_back_sequences_state ON win_back_sequences (shop_id, state, offer_due_at);
CREATE INDEX ix_win_back_sequences_started ON win_back_sequences (shop_id, started_at);
