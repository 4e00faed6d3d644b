/**
 * The brake on failed authentication (`server/http/security.ts`) kept in the database, so that
 * every service instance on one database counts the same failures. Portable SQL as in 001; the
 * time is milliseconds since the epoch (BIGINT: past PostgreSQL's 32-bit INTEGER).
 */
export const up = `
-- One row per failed authentication: the client's address and when, never the token presented.
-- Rows older than the brake's window are deleted as new failures come in.
CREATE TABLE auth_failures (
  id INTEGER PRIMARY KEY,
  address TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX auth_failures_address ON auth_failures (address, at);
CREATE INDEX auth_failures_at ON auth_failures (at);
`;
