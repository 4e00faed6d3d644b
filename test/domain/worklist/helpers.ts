/**
 * Typed rows and findings built by hand, so each worklist test states exactly what the engine would
 * have given it: rows in, findings in, items out.
 */
import { parseISODay, type Day } from '../../../domain/calendar/day.js';
import type { LedgerRow, RowValues } from '../../../domain/engine/ledger-row.js';
import { emptyValues } from '../../../domain/engine/read-row.js';
import type { Finding, ParamValue } from '../../../domain/engine/types.js';
import type { RuleId } from '../../../domain/rules/rule.js';

export function day(iso: string): Day {
  const d = parseISODay(iso);
  if (d === null) throw new Error(`bad ISO day ${iso}`);
  return d;
}

export interface RowSpec {
  row: number;
  debtorId: string | null;
  /** Outstanding yen; 10,000 when absent. */
  outstanding?: number | null;
  /** `YYYY-MM-DD`; 2024-04-30 when absent, null for none. */
  due?: string | null;
  v?: Partial<RowValues>;
}

export function ledgerRow(spec: RowSpec): LedgerRow {
  const outstanding = spec.outstanding === undefined ? 10_000 : spec.outstanding;
  const due = spec.due === undefined ? '2024-04-30' : spec.due;
  const v: RowValues = {
    ...emptyValues(),
    debtorId: spec.debtorId,
    dueDate: due === null ? null : day(due),
    outstanding,
    ...spec.v,
  };
  return {
    row: spec.row,
    v,
    invalid: null,
    outstanding,
    fiscalYear: null,
    classification: '強制徴収公債権',
    claim: null,
    periodYears: 5,
    amountsUnreadable: false,
    duplicateKey: null,
  };
}

export function finding(row: number, rule: RuleId, params: Record<string, ParamValue> = {}): Finding {
  return { rule, severity: 'warning', row, column: null, field: null, message: '', params };
}
