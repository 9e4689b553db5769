-- Notifications: an outbox features write in their own transaction, consent with its history, a suppression list
-- of hashed addresses, per-shop settings (sender, SMTP, channel, caps, quiet hours), operator template overrides,
-- and clicks and conversions for attribution.

CREATE TABLE notify_messages (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  shop_id          VARCHAR(64)   NOT NULL,
  -- the feature (plugin id) that enqueued it, or 'notify' for the host's own (double opt-in confirmation)
  feature_id       VARCHAR(64)   NOT NULL,
  -- public idempotency key: Message-ID of the mail, webhook-id of the outbound webhook
  message_key      VARCHAR(64)   NOT NULL,
  dedupe_key       VARCHAR(200)  NOT NULL,
  category         VARCHAR(20)   NOT NULL,
  template         VARCHAR(100)  NOT NULL,
  data             MEDIUMTEXT    NOT NULL,
  customer_id      VARCHAR(64)   NULL,
  -- a guest's address; a customer's is read from the mirror when the message is sent
  email            VARCHAR(320)  NULL,
  locale           VARCHAR(20)   NULL,
  -- c:<customer id> or g:<sha-256 of the lower-case address>: what consent and caps are counted by
  recipient_key    VARCHAR(80)   NOT NULL,
  -- PENDING, SENDING (claimed until lease_until), RETRY, SENT, DROPPED (consent, caps, expiry), DEAD
  state            VARCHAR(20)   NOT NULL,
  attempts         INT           NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP(3)  NOT NULL,
  expires_at       TIMESTAMP(3)  NULL,
  lease_until      TIMESTAMP(3)  NULL,
  -- when the message passed the frequency cap: it counts against the recipient's cap from then on
  counted_at       TIMESTAMP(3)  NULL,
  channel          VARCHAR(20)   NULL,
  -- why it was delayed or dropped (quiet hours, cap, consent), or why the last attempt failed
  reason           VARCHAR(2000) NULL,
  -- host instance and worker that sent it
  sent_by          VARCHAR(200)  NULL,
  created_at       TIMESTAMP(3)  NOT NULL,
  sent_at          TIMESTAMP(3)  NULL,
  first_clicked_at TIMESTAMP(3)  NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX ux_notify_messages_dedupe ON notify_messages (shop_id, feature_id, dedupe_key);
CREATE UNIQUE INDEX ux_notify_messages_key ON notify_messages (message_key);
CREATE INDEX ix_notify_messages_due ON notify_messages (state, next_attempt_at);
CREATE INDEX ix_notify_messages_pressure ON notify_messages (shop_id, recipient_key, counted_at);
CREATE INDEX ix_notify_messages_sent ON notify_messages (shop_id, sent_at);
CREATE INDEX ix_notify_messages_shop_state ON notify_messages (shop_id, state, id);
CREATE INDEX ix_notify_messages_customer ON notify_messages (shop_id, customer_id);

-- One row per recipient, locked while a message is checked against the frequency cap, so two workers cannot both
-- pass the last free slot. email_hash (SHA-256 of a customer's last address) is what goes on the suppression list
-- when the customer is erased, after the mirror has already forgotten the address.
CREATE TABLE notify_contacts (
  shop_id       VARCHAR(64)  NOT NULL,
  recipient_key VARCHAR(80)  NOT NULL,
  email_hash    CHAR(64)     NULL,
  PRIMARY KEY (shop_id, recipient_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Current consent per recipient and category.
CREATE TABLE notify_consents (
  shop_id       VARCHAR(64)   NOT NULL,
  recipient_key VARCHAR(80)   NOT NULL,
  category      VARCHAR(20)   NOT NULL,
  -- PENDING (confirmation sent), GRANTED, REVOKED, EXPIRED (not confirmed in time)
  state         VARCHAR(20)   NOT NULL,
  customer_id   VARCHAR(64)   NULL,
  email         VARCHAR(320)  NULL,
  locale        VARCHAR(20)   NULL,
  -- what the recipient subscribed to and the statement they confirmed, in their language
  purpose       VARCHAR(500)  NULL,
  consent_text  VARCHAR(2000) NULL,
  -- how: double-opt-in, customer-action, one-click-unsubscribe, unsubscribe-link
  source        VARCHAR(40)   NULL,
  requested_by  VARCHAR(64)   NULL,
  requested_at  TIMESTAMP(3)  NULL,
  confirmed_at  TIMESTAMP(3)  NULL,
  revoked_at    TIMESTAMP(3)  NULL,
  expires_at    TIMESTAMP(3)  NULL,
  updated_at    TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (shop_id, recipient_key, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_notify_consents_expiry ON notify_consents (state, expires_at);
CREATE INDEX ix_notify_consents_customer ON notify_consents (shop_id, customer_id);

-- Every consent change, append-only: when, how and what text (the record GDPR asks for).
CREATE TABLE notify_consent_log (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  shop_id       VARCHAR(64)   NOT NULL,
  recipient_key VARCHAR(80)   NOT NULL,
  category      VARCHAR(20)   NOT NULL,
  -- REQUESTED, CONFIRMED, GRANTED, REVOKED, EXPIRED
  action        VARCHAR(20)   NOT NULL,
  source        VARCHAR(40)   NULL,
  consent_text  VARCHAR(2000) NULL,
  happened_at   TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_notify_consent_log_recipient ON notify_consent_log (shop_id, recipient_key, id);

-- Addresses that must not be mailed in a category, as SHA-256 of the lower-case address only: what stays of an
-- unsubscribed or erased person.
CREATE TABLE notify_suppressions (
  shop_id    VARCHAR(64)  NOT NULL,
  email_hash CHAR(64)     NOT NULL,
  category   VARCHAR(20)  NOT NULL,
  reason     VARCHAR(40)  NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (shop_id, email_hash, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Settings of the notification service per shop; a shop without a row uses the host's defaults.
CREATE TABLE notify_shop_settings (
  shop_id            VARCHAR(64)   NOT NULL,
  sender_email       VARCHAR(320)  NULL,
  sender_name        VARCHAR(200)  NULL,
  reply_to           VARCHAR(320)  NULL,
  smtp_host          VARCHAR(255)  NULL,
  smtp_port          INT           NULL,
  smtp_username      VARCHAR(255)  NULL,
  smtp_password      VARCHAR(255)  NULL,
  smtp_starttls      BOOLEAN       NULL,
  -- EMAIL or WEBHOOK
  channel            VARCHAR(20)   NULL,
  webhook_url        VARCHAR(1000) NULL,
  webhook_secret     VARCHAR(100)  NULL,
  time_zone          VARCHAR(50)   NULL,
  -- local times HH:mm; a window over midnight has start > end
  quiet_start        VARCHAR(5)    NULL,
  quiet_end          VARCHAR(5)    NULL,
  -- at most cap_max non-transactional messages per recipient in cap_days; 0 = no cap
  cap_max            INT           NULL,
  cap_days           INT           NULL,
  -- DELAY or DROP
  cap_action         VARCHAR(10)   NULL,
  attribution_days   INT           NULL,
  default_locale     VARCHAR(20)   NULL,
  unsubscribe_mailto VARCHAR(320)  NULL,
  updated_at         TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (shop_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- An operator's version of a feature's template in one locale, validated when saved.
CREATE TABLE notify_templates (
  shop_id    VARCHAR(64)  NOT NULL,
  feature_id VARCHAR(64)  NOT NULL,
  template   VARCHAR(100) NOT NULL,
  locale     VARCHAR(20)  NOT NULL,
  subject    VARCHAR(1000) NOT NULL,
  html       MEDIUMTEXT   NOT NULL,
  text_body  MEDIUMTEXT   NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (shop_id, feature_id, template, locale)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE notify_clicks (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  shop_id     VARCHAR(64)   NOT NULL,
  message_id  BIGINT        NOT NULL,
  feature_id  VARCHAR(64)   NOT NULL,
  customer_id VARCHAR(64)   NULL,
  url         VARCHAR(2000) NOT NULL,
  clicked_at  TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_notify_clicks_customer ON notify_clicks (shop_id, customer_id, clicked_at);
CREATE INDEX ix_notify_clicks_message ON notify_clicks (message_id);

-- An order attributed to the last message the customer clicked within the shop's attribution window.
CREATE TABLE notify_conversions (
  shop_id     VARCHAR(64)    NOT NULL,
  order_id    VARCHAR(64)    NOT NULL,
  message_id  BIGINT         NOT NULL,
  feature_id  VARCHAR(64)    NOT NULL,
  customer_id VARCHAR(64)    NOT NULL,
  revenue     DECIMAL(19, 4) NOT NULL,
  currency    CHAR(3)        NOT NULL,
  placed_at   TIMESTAMP(3)   NOT NULL,
  PRIMARY KEY (shop_id, order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_notify_conversions_message ON notify_conversions (message_id);
