-- Shops (tenants), their enabled plugins with settings, and operator API keys.

CREATE TABLE shops (
  id             VARCHAR(64)   NOT NULL,
  name           VARCHAR(200)  NOT NULL,
  jwt_issuer     VARCHAR(500)  NULL,
  jwks_url       VARCHAR(1000) NULL,
  -- bumped on every change of enablement or settings; each request compares it with its cached copy
  config_version BIGINT        NOT NULL DEFAULT 0,
  created_at     TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE shop_plugins (
  shop_id    VARCHAR(64)  NOT NULL,
  plugin_id  VARCHAR(64)  NOT NULL,
  enabled    BOOLEAN      NOT NULL,
  -- JSON object of the operator's values; defaults are not stored
  settings   TEXT         NULL,
  updated_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (shop_id, plugin_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE admin_api_keys (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  shop_id    VARCHAR(64)  NOT NULL,
  name       VARCHAR(200) NOT NULL,
  -- SHA-256 of the key: keys are 256-bit random, so a fast hash is safe and keeps the lookup an index seek
  key_hash   CHAR(64)     NOT NULL,
  key_prefix VARCHAR(16)  NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  revoked_at TIMESTAMP(3) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX ux_admin_api_keys_hash ON admin_api_keys (key_hash);
CREATE INDEX ix_admin_api_keys_shop ON admin_api_keys (shop_id);

-- ShedLock: one run of a plugin job per tick across all host instances.
CREATE TABLE shedlock (
  name       VARCHAR(255) NOT NULL,
  lock_until TIMESTAMP(3) NOT NULL,
  locked_at  TIMESTAMP(3) NOT NULL,
  locked_by  VARCHAR(255) NOT NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
