/**
 * Each claim's final figures of a settled fiscal year (決算 確定), frozen when finance settles it, so
 * the years-across view shows what was settled even after ledgers are sent again. Amounts are null
 * where no ledger of the claim was sent with an as-of date in that year; plan amounts are null where
 * the claim had no plan for it. Counts and amounts only, as ledger_status. Years settled before this
 * migration are frozen by it, as their figures stand at the upgrade (the select of
 * db/repos/history.ts, for every settled year at once).
 */
export const up = `
CREATE TABLE settled_claim_figures (
  fiscal_year INTEGER NOT NULL REFERENCES settlements(fiscal_year),
  claim_id INTEGER NOT NULL REFERENCES claims(id),
  ledgers INTEGER NOT NULL,
  as_of TEXT,
  assessed BIGINT,
  paid BIGINT,
  written_off BIGINT,
  outstanding BIGINT,
  baseline BIGINT,
  target BIGINT,
  PRIMARY KEY (fiscal_year, claim_id)
);

INSERT INTO settled_claim_figures
  (fiscal_year, claim_id, ledgers, as_of, assessed, paid, written_off, outstanding, baseline, target)
SELECT y.fiscal_year, c.id, COALESCE(s.ledgers, 0), s.as_of, s.assessed, s.paid, s.written_off, s.outstanding,
       p.baseline, p.target
  FROM settlements y
 CROSS JOIN claims c
  LEFT JOIN (SELECT st.fiscal_year, l.claim_id, COUNT(*) AS ledgers, MAX(st.as_of) AS as_of,
                    SUM(st.assessed) AS assessed, SUM(st.paid) AS paid, SUM(st.written_off) AS written_off,
                    SUM(st.outstanding) AS outstanding
               FROM ledger_status st JOIN ledgers l ON l.id = st.ledger_id
              GROUP BY st.fiscal_year, l.claim_id) s ON s.claim_id = c.id AND s.fiscal_year = y.fiscal_year
  LEFT JOIN plans p ON p.claim_id = c.id AND p.fiscal_year = y.fiscal_year
 WHERE s.claim_id IS NOT NULL OR p.id IS NOT NULL;
`;
