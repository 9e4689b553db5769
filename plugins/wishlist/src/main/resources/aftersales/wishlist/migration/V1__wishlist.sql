-- Wishlist feature tables. Written for MySQL 8 and MariaDB 10.11+ alike, and for jOOQ's DDLDatabase, which
-- simulates this script in H2 at build time: indexes are separate CREATE INDEX statements, no UNSIGNED.
-- Every table carries shop_id; every index starts with it because every query filters on it.
-- utf8mb4_bin: ids from the shop platform and token hashes must compare exactly (case-sensitively).

-- A guest's server-side wishlist session. The client holds a random token; only its SHA-256 hash is stored, so a
-- leaked table does not hand out working tokens. A merged guest stays as a tombstone (merged_at, merged_customer_id)
-- so that a token used twice is recognised; the tombstone names the customer, so erase removes it.
CREATE TABLE wishlist_guest (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id            VARCHAR(64)  NOT NULL,
  token_hash         CHAR(64)     NOT NULL,
  created_at         DATETIME(6)  NOT NULL,
  last_used_at       DATETIME(6)  NOT NULL,
  merged_at          DATETIME(6)  NULL,
  merged_customer_id VARCHAR(255) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX wishlist_guest_token ON wishlist_guest (shop_id, token_hash);
CREATE INDEX wishlist_guest_merged_customer ON wishlist_guest (shop_id, merged_customer_id);
CREATE INDEX wishlist_guest_last_used ON wishlist_guest (shop_id, last_used_at);

-- A list belongs either to a customer (customer_id) or to a guest (guest_id), never both.
-- share_nonce is null while the list is not shared; share links sign it, so a new nonce (or none) revokes them.
CREATE TABLE wishlist_list (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id     VARCHAR(64)  NOT NULL,
  customer_id VARCHAR(255) NULL,
  guest_id    BIGINT       NULL,
  name        VARCHAR(100) NOT NULL,
  is_default  BOOLEAN      NOT NULL DEFAULT FALSE,
  share_nonce VARCHAR(32)  NULL,
  created_at  DATETIME(6)  NOT NULL,
  updated_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT wishlist_list_guest_fk FOREIGN KEY (guest_id) REFERENCES wishlist_guest (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX wishlist_list_customer ON wishlist_list (shop_id, customer_id, id);
CREATE INDEX wishlist_list_guest ON wishlist_list (shop_id, guest_id);

-- One row per variant and list: adding a variant again raises its quantity.
CREATE TABLE wishlist_item (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id    VARCHAR(64)  NOT NULL,
  list_id    BIGINT       NOT NULL,
  variant_id VARCHAR(255) NOT NULL,
  quantity   INT          NOT NULL,
  note       VARCHAR(500) NULL,
  created_at DATETIME(6)  NOT NULL,
  updated_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT wishlist_item_list_fk FOREIGN KEY (list_id) REFERENCES wishlist_list (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE UNIQUE INDEX wishlist_item_list_variant ON wishlist_item (shop_id, list_id, variant_id);
CREATE INDEX wishlist_item_list_page ON wishlist_item (shop_id, list_id, id);
CREATE INDEX wishlist_item_variant ON wishlist_item (shop_id, variant_id);
