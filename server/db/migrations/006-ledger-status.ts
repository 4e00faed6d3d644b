/**
 * 未収金の状況 of each ledger, per fiscal year: what the latest applied submission whose as-of
 * date falls in that year classed (domain/status), so the report reads this year's and last year's
 * figures without scanning rows. Counts and amounts only, as the ledgers' own aggregates.
 */
export const up = `
CREATE TABLE ledger_status (
  ledger_id TEXT NOT NULL REFERENCES ledgers(id),
  fiscal_year INTEGER NOT NULL,
  -- The ledger's revision and as-of date the figures are of (出典).
  revision INTEGER NOT NULL,
  as_of TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  assessed BIGINT NOT NULL,
  paid BIGINT NOT NULL,
  written_off BIGINT NOT NULL,
  outstanding BIGINT NOT NULL,
  PRIMARY KEY (ledger_id, fiscal_year)
);

-- Rows owing and their amount per class (seized, deferred, …, unclassified); classes with none are left out.
CREATE TABLE ledger_status_classes (
  ledger_id TEXT NOT NULL REFERENCES ledgers(id),
  fiscal_year INTEGER NOT NULL,
  class TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  outstanding BIGINT NOT NULL,
  PRIMARY KEY (ledger_id, fiscal_year, class)
);
`;
