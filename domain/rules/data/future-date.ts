import type { ReadField } from '../../engine/ledger-row.js';
import { fieldDef } from '../../fields/catalogue.js';
import { defineRule, type Hit } from '../rule.js';
import { iso } from '../terms.js';

/** Days that record something done: none can be after the as-of date. */
const DONE: readonly ReadField[] = [
  'lastPaymentDate', 'writeOffDate', 'demandDate', 'lastDunningDate', 'lastContactDate',
  'acknowledgementDate', 'suspensionDate', 'collectionStopDate', 'referralDate',
]; // prettier-ignore

export default defineRule({
  id: 'FUTURE_DATE',
  title: { ja: '基準日より後の日付', en: 'Date after the as-of date' },
  severity: 'error',
  group: 'data',
  basis: null,
  condition: {
    ja: '最終収入日・不納欠損日・督促状発付日・最終催告日・最終交渉日・承認日・執行停止日・徴収停止日・支援窓口案内日が基準日より後',
    en: 'lastPaymentDate, writeOffDate, demandDate, lastDunningDate, lastContactDate, acknowledgementDate, suspensionDate, collectionStopDate or referralDate later than asOf',
  },
  message: {
    ja: '{label} {date} が基準日 {asOf} より後です。済んだことの日付なので、入力を確認してください。',
    en: '{label} {date} is after the as-of date {asOf}. It records something done: check the date.',
  },
  reads: DONE,
  check(row, ctx) {
    const hits: Hit[] = [];
    for (const field of DONE) {
      const d = row.v[field] as number | null;
      if (d !== null && d > ctx.asOf) hits.push({ field, params: { label: fieldDef(field).label, date: iso(d), asOf: iso(ctx.asOf) } });
    }
    return hits;
  },
});
