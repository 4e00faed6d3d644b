/** The pane's refusal of what would leave (`domain/sync/outgoing.ts`), in the command line's words: rows and fields, never the text. */
import { fieldDef, type FieldKey } from '../../../domain/fields/catalogue.js';
import type { OutgoingRefusal } from '../../../domain/sync/outgoing.js';
import type { TextFinding } from '../../../domain/sync/personal-scan.js';
import { CliError } from '../errors.js';
import type { SubmitMessages } from './messages.js';

const SHOWN = 3;

const LEDGER_LABELS: Record<string, { ja: string }> = {
  'ledger.name': { ja: '台帳名' },
  'ledger.claimType': { ja: '台帳の債権名' },
};

const labelOf = (field: string) => LEDGER_LABELS[field]?.ja ?? fieldDef(field as FieldKey).label;

function places(m: SubmitMessages, items: { row?: number; field: string }[]): string {
  const shown = items
    .slice(0, SHOWN)
    .map((i) => (i.row === undefined ? labelOf(i.field) : m.row(i.row, labelOf(i.field))));
  return shown.join('、') + (items.length > SHOWN ? m.more(items.length - SHOWN) : '');
}

const atFinding = (f: TextFinding) => ({ field: f.field, ...(f.rows?.[0] === undefined ? {} : { row: f.rows[0] }) });

export function refusalError(m: SubmitMessages, refusal: OutgoingRefusal): CliError {
  switch (refusal.kind) {
    case 'values':
      return new CliError(m.valueProblems(places(m, refusal.problems)));
    case 'my-number':
      return new CliError(m.myNumberText(places(m, refusal.report.findings.map(atFinding))));
    case 'personal':
      return new CliError(m.personalText(places(m, refusal.report.findings.map(atFinding))));
  }
}
