-- Price-alert feature tables. Written for MySQL 8 and MariaDB 10.11+ alike, and for jOOQ's DDLDatabase, which
-- simulates this script at build time: indexes are separate CREATE INDEX statements, no UNSIGNED.
-- Every table carries shop_id; every index starts with it because every query filters on it.

-- What a price drop is measured against, per person and variant. origin SUBSCRIBED: the person asked for it
-- (priceAlertSubscribe; a customer or a guest by e-mail). origin WISHLIST: the local copy of a customer's wishlisted
-- variant (from WishlistItemAdded), alerted only while the customer watches their wishlist's prices.
-- reference_price starts as the price at subscription and becomes the price of each alert sent ("once per drop"); it
-- never rises. target_price is null for "any drop". status PENDING waits for a guest's double opt-in.
-- email is stored lower-case (the host treats addresses case-insensitively).
CREATE TABLE price_alert_subscription (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  shop_id         VARCHAR(64)   NOT NULL,
  origin          VARCHAR(16)   NOT NULL,
  variant_id      VARCHAR(255)  NOT NULL,
  customer_id     VARCHAR(255)  NULL,
  email           VARCHAR(254)  NULL,
  locale          VARCHAR(35)   NULL,
  target_price    DECIMAL(19,4) NULL,
  reference_price DECIMAL(19,4) NOT NULL,
  currency        VARCHAR(3)    NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  alerts_sent     INT           NOT NULL DEFAULT 0,
  last_alerted_at DATETIME(6)   NULL,
  created_at      DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX price_alert_subscription_customer ON price_alert_subscription (shop_id, customer_id, origin, variant_id);
CREATE UNIQUE INDEX price_alert_subscription_guest ON price_alert_subscription (shop_id, email, variant_id);
CREATE INDEX price_alert_subscription_variant ON price_alert_subscription (shop_id, variant_id, status);

-- Customers who want alerts for price drops of their wishlist items (priceAlertWatchWishlist).
CREATE TABLE price_alert_watcher (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id     VARCHAR(64)  NOT NULL,
  customer_id VARCHAR(255) NOT NULL,
  since       DATETIME(6)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX price_alert_watcher_customer ON price_alert_watcher (shop_id, customer_id);

-- Every alert queued, written in the transaction that enqueues it: the report's "alerts sent" and the export.
CREATE TABLE price_alert_sent (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  shop_id         VARCHAR(64)   NOT NULL,
  subscription_id BIGINT        NOT NULL,
  origin          VARCHAR(16)   NOT NULL,
  variant_id      VARCHAR(255)  NOT NULL,
  customer_id     VARCHAR(255)  NULL,
  email           VARCHAR(254)  NULL,
  old_price       DECIMAL(19,4) NOT NULL,
  new_price       DECIMAL(19,4) NOT NULL,
  currency        VARCHAR(3)    NOT NULL,
  message_id      VARCHAR(255)  NOT NULL,
  sent_at         DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX price_alert_sent_customer ON price_alert_sent (shop_id, customer_id);
CREATE INDEX price_alert_sent_email ON price_alert_sent (shop_id, email);
