-- GDPR: every erasure of a customer, whoever asked (an operator through the operator API, or the shop platform's
-- customer.deleted webhook), as proof that the request was carried out. It keeps the platform's customer id and
-- nothing else about the person.
CREATE TABLE customer_erasures (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  shop_id      VARCHAR(64)   NOT NULL,
  customer_id  VARCHAR(64)   NOT NULL,
  -- platform (the platform key), admin-key:<id> (a shop admin's key) or webhook:<event id>
  requested_by VARCHAR(250)  NOT NULL,
  erased_at    TIMESTAMP(3)  NOT NULL,
  -- ERASED (the host and every loaded plugin) or INCOMPLETE (details name what failed; erase again)
  result       VARCHAR(20)   NOT NULL,
  -- rows changed per host part and the plugins that erased, or what failed
  details      VARCHAR(2000) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_customer_erasures_customer ON customer_erasures (shop_id, customer_id, id);
