/** Numbered migrations: migration N brings the schema to `PRAGMA user_version` N. Append only. */
import { up as initial } from './001-initial.js';
import { up as oversight } from './002-oversight.js';
import { up as confirmedNoPersonal } from './003-confirmed-no-personal.js';
import { scrubLedgerValues } from './004-scrub-ledger-values.js';
import { up as authFailures } from './005-auth-failures.js';
import { up as ledgerStatus } from './006-ledger-status.js';
import { up as settledClaimFigures } from './007-settled-claim-figures.js';
import type { Migration } from '../migrate.js';

export const MIGRATIONS: readonly Migration[] = [
  initial,
  oversight,
  confirmedNoPersonal,
  scrubLedgerValues,
  authFailures,
  ledgerStatus,
  settledClaimFigures,
];
