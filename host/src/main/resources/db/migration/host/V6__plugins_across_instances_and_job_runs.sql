-- Plugins installed through the operator API, shared by every host instance on this database: the jar itself, the
-- state operators want (installed or uninstalled), and what each instance has loaded. Plus operator-run jobs.

-- One row per plugin ever installed through the operator API. The row is the truth for that plugin id: a jar with
-- the same id in an instance's plugins directory is ignored in favour of it.
CREATE TABLE plugin_jars (
  plugin_id     VARCHAR(64)   NOT NULL,
  version       VARCHAR(64)   NOT NULL,
  -- INSTALLED or UNINSTALLED (then jar is null)
  desired_state VARCHAR(20)   NOT NULL,
  jar           LONGBLOB      NULL,
  jar_sha256    CHAR(64)      NULL,
  -- the plugin_jar_changes.generation that wrote this row: an instance applies a row once per generation
  generation    BIGINT        NOT NULL,
  updated_at    TIMESTAMP(3)  NOT NULL,
  updated_by    VARCHAR(200)  NOT NULL,
  PRIMARY KEY (plugin_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A single row: bumped by every install, upgrade and uninstall. Instances poll it (one primary-key read) and read
-- plugin_jars only when it moved. Its row lock also orders concurrent changes from different instances.
CREATE TABLE plugin_jar_changes (
  id         INT    NOT NULL,
  generation BIGINT NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO plugin_jar_changes (id, generation) VALUES (1, 0);

-- Host instances on this database, with a heartbeat written at every plugin poll.
CREATE TABLE host_instances (
  instance_id  VARCHAR(200) NOT NULL,
  started_at   TIMESTAMP(3) NOT NULL,
  heartbeat_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (instance_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- What each instance did with each stored plugin: LOADED, FAILED (error says why) or UNINSTALLED.
CREATE TABLE plugin_instance_states (
  instance_id    VARCHAR(200)  NOT NULL,
  plugin_id      VARCHAR(64)   NOT NULL,
  state          VARCHAR(20)   NOT NULL,
  loaded_version VARCHAR(64)   NULL,
  -- the plugin_jars generation this state answers
  generation     BIGINT        NOT NULL,
  error          VARCHAR(2000) NULL,
  updated_at     TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (instance_id, plugin_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Jobs an operator ran by hand (operator API jobRun): who, when, and how it ended.
CREATE TABLE job_runs (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  shop_id      VARCHAR(64)   NOT NULL,
  plugin_id    VARCHAR(64)   NOT NULL,
  job          VARCHAR(100)  NOT NULL,
  -- "platform" or "shop:<id>", the operator key's owner
  requested_by VARCHAR(200)  NOT NULL,
  instance_id  VARCHAR(200)  NOT NULL,
  started_at   TIMESTAMP(3)  NOT NULL,
  finished_at  TIMESTAMP(3)  NULL,
  -- RUNNING, SUCCEEDED, FAILED
  outcome      VARCHAR(20)   NOT NULL,
  error        VARCHAR(2000) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_job_runs_shop ON job_runs (shop_id, id);
