/**
 * Plans, reviews and proposals are free text that leaves the workbook, checked like hard cases: a
 * sender who saw a warning about personal-looking text and confirmed there was none is recorded on
 * the version they sent (1), as hard_cases.confirmed_no_personal is. Portable SQL as in 001.
 */
export const up = `
ALTER TABLE plans ADD COLUMN confirmed_no_personal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_history ADD COLUMN confirmed_no_personal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_reviews ADD COLUMN confirmed_no_personal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposals ADD COLUMN confirmed_no_personal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposal_history ADD COLUMN confirmed_no_personal INTEGER NOT NULL DEFAULT 0;
`;
