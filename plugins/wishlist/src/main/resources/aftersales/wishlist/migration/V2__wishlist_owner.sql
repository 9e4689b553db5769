-- One row per customer who has (had) lists: the lock that serialises the changes to a customer's set of lists
-- (the first list, which becomes the default; the list limit; the default moving on delete). Taken first in such a
-- transaction with INSERT ... ON DUPLICATE KEY UPDATE, which locks only this primary key record. Locking the
-- customer's lists themselves with SELECT ... FOR UPDATE also locked the index gap where a new list would go, and
-- concurrent first adds of different customers deadlocked on each other's gap locks.
CREATE TABLE wishlist_owner (
  shop_id     VARCHAR(64)  NOT NULL,
  customer_id VARCHAR(255) NOT NULL,
  PRIMARY KEY (shop_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
