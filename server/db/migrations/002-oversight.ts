/**
 * Issue 5: the PDCA of annual plans (chosen measures, monthly reviews), finance's improvement
 * proposals and hard cases (処理困難事案). Portable SQL as in 001. The submission period lives in
 * `settings` (key `submission_period`), so it needs no table.
 */
export const up = `
-- Chosen measures (ids of domain/plans/measures.ts) beside the free text the import fills.
ALTER TABLE plans ADD COLUMN measure_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE plan_history ADD COLUMN measure_ids TEXT NOT NULL DEFAULT '[]';

-- A division's monthly review of its plan (Check/Act): append-only, the latest per month counts.
CREATE TABLE plan_reviews (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES claims(id),
  fiscal_year INTEGER NOT NULL,
  month TEXT NOT NULL,
  assessment TEXT NOT NULL,
  next_step TEXT NOT NULL,
  -- What the figures were when the review was written, so an old review reads as it was meant.
  current_outstanding BIGINT,
  planned_outstanding BIGINT,
  plan_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES tokens(id)
);
CREATE INDEX plan_reviews_claim ON plan_reviews (claim_id, fiscal_year, id);

-- Finance's improvement proposal for a claim and fiscal year; replaced versions in proposal_history.
CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES claims(id),
  fiscal_year INTEGER NOT NULL,
  -- JSON: why the claim was picked ('growing', 'behind-plan', 'other').
  reasons TEXT NOT NULL DEFAULT '[]',
  body TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES tokens(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES tokens(id),
  UNIQUE (claim_id, fiscal_year)
);

CREATE TABLE proposal_history (
  id INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposals(id),
  version INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  body TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by INTEGER REFERENCES tokens(id),
  UNIQUE (proposal_id, version)
);

-- 処理困難事案: never personal data (the API checks the text); open → answered → closed.
CREATE TABLE hard_cases (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES claims(id),
  title TEXT NOT NULL,
  assessed BIGINT,
  outstanding BIGINT,
  due_date TEXT,
  last_contact_date TEXT,
  tried TEXT NOT NULL,
  question TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
  -- The sender saw a warning about personal-looking text and confirmed there was none.
  confirmed_no_personal INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES tokens(id),
  answer TEXT,
  answer_confirmed_no_personal INTEGER NOT NULL DEFAULT 0,
  -- 'accounting' or 'finance': which of the two answered (either may close it afterwards).
  answered_role TEXT,
  answered_at TEXT,
  answered_by INTEGER REFERENCES tokens(id),
  closed_at TEXT,
  closed_by INTEGER REFERENCES tokens(id),
  closed_role TEXT
);
CREATE INDEX hard_cases_claim ON hard_cases (claim_id, status);
`;
