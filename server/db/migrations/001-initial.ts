/**
 * The first schema. Portable SQL (SQLite and PostgreSQL): BIGINT yen, TEXT ISO timestamps,
 * surrogate integer keys (GENERATED-free: SQLite's INTEGER PRIMARY KEY; a PostgreSQL migration
 * set would use identity columns), ON DELETE rules spelled out.
 */
export const up = `
CREATE TABLE bureaus (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL
);

CREATE TABLE divisions (
  id INTEGER PRIMARY KEY,
  bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
  name TEXT NOT NULL,
  UNIQUE (bureau_id, name)
);

-- A claim (債権) as a division manages it: its plans and ledgers hang here.
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  division_id INTEGER NOT NULL REFERENCES divisions(id),
  name TEXT NOT NULL,
  classification TEXT,
  UNIQUE (division_id, name)
);

CREATE TABLE tokens (
  id INTEGER PRIMARY KEY,
  -- SHA-256 of the token: the token itself is shown once and never stored.
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('division', 'accounting', 'finance', 'admin')),
  bureau_id INTEGER REFERENCES bureaus(id),
  division_id INTEGER REFERENCES divisions(id),
  label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- A division's sheet for a claim; the id is made by the add-in and stored in the workbook.
CREATE TABLE ledgers (
  id TEXT PRIMARY KEY,
  division_id INTEGER NOT NULL REFERENCES divisions(id),
  claim_id INTEGER NOT NULL REFERENCES claims(id),
  name TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0,
  as_of TEXT,
  ruleset_version TEXT,
  last_submission_id TEXT,
  last_submitted_at TEXT,
  -- Totals of the current rows, kept at each applied submission so reports never scan rows.
  row_count INTEGER NOT NULL DEFAULT 0,
  assessed BIGINT NOT NULL DEFAULT 0,
  paid BIGINT NOT NULL DEFAULT 0,
  outstanding BIGINT NOT NULL DEFAULT 0,
  current_outstanding BIGINT NOT NULL DEFAULT 0,
  current_assessed BIGINT NOT NULL DEFAULT 0,
  current_paid BIGINT NOT NULL DEFAULT 0,
  arrears_outstanding BIGINT NOT NULL DEFAULT 0,
  arrears_assessed BIGINT NOT NULL DEFAULT 0,
  arrears_paid BIGINT NOT NULL DEFAULT 0,
  unreadable_rows INTEGER NOT NULL DEFAULT 0,
  -- JSON: the aging buckets of the latest check (滞納年数別).
  aging TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
CREATE INDEX ledgers_claim ON ledgers (claim_id);
CREATE INDEX ledgers_division ON ledgers (division_id);

-- Current rows of a ledger; a deleted row stays as a tombstone so clients can catch up.
CREATE TABLE ledger_rows (
  ledger_id TEXT NOT NULL REFERENCES ledgers(id),
  row_key TEXT NOT NULL,
  row_hash TEXT NOT NULL,
  sheet_row INTEGER NOT NULL,
  -- JSON of the synced values (no personal field; key fields as HMAC digests).
  data TEXT NOT NULL,
  revision INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (ledger_id, row_key)
);
CREATE INDEX ledger_rows_revision ON ledger_rows (ledger_id, revision);

-- The service's own finding counts for each ledger at its current revision.
CREATE TABLE ledger_finding_counts (
  ledger_id TEXT NOT NULL REFERENCES ledgers(id),
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (ledger_id, rule)
);

CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  ledger_id TEXT NOT NULL REFERENCES ledgers(id),
  token_id INTEGER REFERENCES tokens(id),
  base_revision INTEGER NOT NULL,
  as_of TEXT NOT NULL,
  ruleset_version TEXT NOT NULL,
  parts_expected INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('receiving', 'applied', 'rejected')),
  revision INTEGER,
  -- JSON: the answer given when applied, returned again for a retry.
  result TEXT,
  received_at TEXT NOT NULL,
  applied_at TEXT
);
CREATE INDEX submissions_ledger ON submissions (ledger_id, applied_at);

-- Parts wait here until the last arrives; then all are applied in one transaction.
CREATE TABLE submission_parts (
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  part_index INTEGER NOT NULL,
  body_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (submission_id, part_index)
);

-- A claim's annual plan (年間計画); the previous versions are in plan_history.
CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES claims(id),
  fiscal_year INTEGER NOT NULL,
  baseline BIGINT NOT NULL,
  target BIGINT NOT NULL,
  measures TEXT NOT NULL DEFAULT '',
  -- JSON: [{ month: 'YYYY-MM', outstanding }] or [].
  milestones TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES tokens(id),
  UNIQUE (claim_id, fiscal_year)
);

CREATE TABLE plan_history (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  version INTEGER NOT NULL,
  baseline BIGINT NOT NULL,
  target BIGINT NOT NULL,
  measures TEXT NOT NULL,
  milestones TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by INTEGER REFERENCES tokens(id),
  UNIQUE (plan_id, version)
);

-- 見込 until finance marks a fiscal year's settlement final (確定).
CREATE TABLE settlements (
  fiscal_year INTEGER PRIMARY KEY,
  settled_at TEXT NOT NULL,
  settled_by INTEGER REFERENCES tokens(id)
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  token_id INTEGER REFERENCES tokens(id),
  role TEXT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  revision INTEGER,
  -- JSON; never personal data, never a token.
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- Service settings, e.g. the city's HMAC key for debtor ids (served to authenticated clients only).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
