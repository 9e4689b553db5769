-- Reviews, helpful votes, review requests, and product questions and answers. Written for MySQL 8 and MariaDB 10.11+
-- and for jOOQ's DDLDatabase: separate CREATE INDEX statements, no UNSIGNED.

-- A review of a product. customer_id is NULL once its author was erased and the shop keeps reviews anonymised.
-- status: PENDING, APPROVED, REJECTED, REMOVED. photo_urls: the validated http(s) URLs, one per line.
CREATE TABLE reviews_review (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  shop_id       VARCHAR(64)   NOT NULL,
  product_id    VARCHAR(64)   NOT NULL,
  customer_id   VARCHAR(64)   NULL,
  author_name   VARCHAR(100)  NULL,
  variant_id    VARCHAR(64)   NULL,
  order_id      VARCHAR(64)   NULL,
  rating        INT           NOT NULL,
  title         VARCHAR(200)  NOT NULL,
  body          TEXT          NOT NULL,
  photo_urls    TEXT          NOT NULL,
  status        VARCHAR(10)   NOT NULL,
  verified      BOOLEAN       NOT NULL,
  incentivized  BOOLEAN       NOT NULL,
  helpful_votes INT           NOT NULL,
  reply         TEXT          NULL,
  replied_at    DATETIME(6)   NULL,
  created_at    DATETIME(6)   NOT NULL,
  updated_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX reviews_review_author ON reviews_review (shop_id, product_id, customer_id);
CREATE INDEX reviews_review_product ON reviews_review (shop_id, product_id, status, id);
CREATE INDEX reviews_review_status ON reviews_review (shop_id, status, id);
CREATE INDEX reviews_review_customer ON reviews_review (shop_id, customer_id);

-- "Was this helpful": one vote per customer and review.
CREATE TABLE reviews_vote (
  shop_id     VARCHAR(64) NOT NULL,
  review_id   BIGINT      NOT NULL,
  customer_id VARCHAR(64) NOT NULL,
  created_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (shop_id, review_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX reviews_vote_customer ON reviews_vote (shop_id, customer_id);

-- One review request per delivered order. state: SCHEDULED (waits for due_at), SENT, REVIEWED, CANCELLED (returned
-- or cancelled order), EXPIRED (not sent in time, or nothing left to review). product_ids: the products asked about,
-- one per line, fixed when the request is sent.
CREATE TABLE reviews_request (
  shop_id          VARCHAR(64)  NOT NULL,
  order_id         VARCHAR(64)  NOT NULL,
  customer_id      VARCHAR(64)  NOT NULL,
  state            VARCHAR(10)  NOT NULL,
  product_ids      VARCHAR(2000) NOT NULL,
  due_at           DATETIME(6)  NOT NULL,
  sent_at          DATETIME(6)  NULL,
  opened_at        DATETIME(6)  NULL,
  reviewed_at      DATETIME(6)  NULL,
  reminders        INT          NOT NULL,
  next_reminder_at DATETIME(6)  NULL,
  created_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (shop_id, order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX reviews_request_due ON reviews_request (shop_id, state, due_at);
CREATE INDEX reviews_request_reminder ON reviews_request (shop_id, state, next_reminder_at);
CREATE INDEX reviews_request_customer ON reviews_request (shop_id, customer_id);

-- A customer's question about a product; status as for reviews.
CREATE TABLE reviews_question (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id     VARCHAR(64)  NOT NULL,
  product_id  VARCHAR(64)  NOT NULL,
  customer_id VARCHAR(64)  NULL,
  body        TEXT         NOT NULL,
  status      VARCHAR(10)  NOT NULL,
  created_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX reviews_question_product ON reviews_question (shop_id, product_id, status, id);
CREATE INDEX reviews_question_status ON reviews_question (shop_id, status, id);
CREATE INDEX reviews_question_customer ON reviews_question (shop_id, customer_id);

-- An answer: by a customer (customer_id, verified when they bought the product) or by the shop (from_shop, approved
-- at once). accepted: the asker or the shop marked it as the helpful one.
CREATE TABLE reviews_answer (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id      VARCHAR(64)  NOT NULL,
  question_id  BIGINT       NOT NULL,
  product_id   VARCHAR(64)  NOT NULL,
  customer_id  VARCHAR(64)  NULL,
  from_shop    BOOLEAN      NOT NULL,
  body         TEXT         NOT NULL,
  status       VARCHAR(10)  NOT NULL,
  verified     BOOLEAN      NOT NULL,
  accepted     BOOLEAN      NOT NULL,
  incentivized BOOLEAN      NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX reviews_answer_question ON reviews_answer (shop_id, question_id, status, id);
CREATE INDEX reviews_answer_status ON reviews_answer (shop_id, status, id);
CREATE INDEX reviews_answer_customer ON reviews_answer (shop_id, customer_id);
