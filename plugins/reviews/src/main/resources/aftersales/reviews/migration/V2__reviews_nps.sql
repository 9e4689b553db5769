-- Satisfaction (NPS) answers from review requests: one row per product the request asked about, so results can be
-- read per period and per product. customer_id, order_id and comment are cleared when the customer is erased and the
-- shop keeps anonymised content (the score stays for the statistics). first_product marks one row per answer, which
-- the totals count.
CREATE TABLE reviews_nps (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id     VARCHAR(64)  NOT NULL,
  order_id    VARCHAR(64)  NULL,
  product_id  VARCHAR(64)  NOT NULL,
  customer_id VARCHAR(64)  NULL,
  score         INT          NOT NULL,
  first_product BOOLEAN      NOT NULL,
  comment     TEXT         NULL,
  answered_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX reviews_nps_answer ON reviews_nps (shop_id, order_id, product_id);
CREATE INDEX reviews_nps_answered ON reviews_nps (shop_id, answered_at);
CREATE INDEX reviews_nps_customer ON reviews_nps (shop_id, customer_id);
