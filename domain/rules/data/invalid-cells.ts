/**
 * The three INVALID_* rules share one job: turn the cells the reader could not use into hits,
 * each with the raw text so the clerk sees what was typed.
 */
import type { LedgerRow, ReadField } from '../../engine/ledger-row.js';
import { fieldDef } from '../../fields/catalogue.js';
import type { Hit, RuleContext } from '../rule.js';

type Kind = 'date' | 'yen' | 'other';

const PROBLEM: Record<string, string> = {
  fraction: '1円未満の端数',
  negative: 'マイナス',
  'out-of-range': '桁が大きすぎる',
  unreadable: '数字として読めない',
};

function kindOf(field: ReadField): Kind {
  const t = fieldDef(field).type;
  return t === 'date' ? 'date' : t === 'yen' ? 'yen' : 'other';
}

function expected(field: ReadField): string {
  const d = fieldDef(field);
  if (d.options) return `次のいずれかを入力してください: ${d.options.join('、')}`;
  if (d.type === 'boolean' || d.type === 'booleanOrDate') return '○ または空欄（該当なし）で入力してください。';
  if (d.type === 'fiscalYear') return '令和6年度、R6、2024 のように入力してください。';
  return '0以上の整数で入力してください。';
}

export function invalidCells(row: LedgerRow, ctx: RuleContext, kind: Kind): Hit[] | null {
  if (!row.invalid) return null;
  const hits: Hit[] = [];
  for (const [f, reason] of Object.entries(row.invalid)) {
    const field = f as ReadField;
    if (kindOf(field) !== kind) continue;
    const params: Hit['params'] = { label: fieldDef(field).label, value: ctx.rawText(row, field), reason: reason ?? '' };
    if (kind === 'yen') params.problem = PROBLEM[reason ?? 'unreadable'] ?? PROBLEM.unreadable!;
    if (kind === 'other') params.expected = expected(field);
    hits.push({ field, params });
  }
  return hits;
}
