/**
 * Rows built to break exactly one row-level rule of rules.md each: a clean row (record.ts) with the
 * one change that makes the rule's condition hold and keeps every other rule's false.
 * DUPLICATE_ROW is planted by the generator, as a copy of an earlier clean row.
 */
import { addDays, addYears } from '../../domain/calendar/day.js';
import type { Classification } from '../../domain/fields/catalogue.js';
import type { RuleId } from '../../domain/rules/rule.js';
import { duesEndingWithin, fiscalYearStart, type SampleContext } from './context.js';
import { deferralRow, dunnedRow, newRecord, paidRow, pay, writtenOffRow, type SampleRow } from './record.js';

type Planter = (ctx: SampleContext) => SampleRow | null;
type Applies = (c: Classification) => boolean;

const ALL: Applies = () => true;
const ENFORCEABLE: Applies = (c) => c === '強制徴収公債権';
const NOT_ENFORCEABLE: Applies = (c) => c !== '強制徴収公債権';
const PUBLIC: Applies = (c) => c !== '私債権';
const PRIVATE: Applies = (c) => c === '私債権';

function withPaid(change: (r: SampleRow, ctx: SampleContext) => void): Planter {
  return (ctx) => {
    const r = paidRow(ctx);
    change(r, ctx);
    return r;
  };
}

/** An unpaid claim whose prescription ends in [from, to], dunned recently so that nothing else holds. */
function prescriptionRow(ctx: SampleContext, from: number, to: number): SampleRow | null {
  const { rng, asOf } = ctx;
  const after = rng.int(7, 20);
  const key = `${after}:${from - asOf}:${to - asOf}`;
  let dues = PRESCRIPTION_CACHE.get(ctx)?.get(key);
  if (!dues) {
    dues = duesEndingWithin(ctx, after, from, to);
    if (!PRESCRIPTION_CACHE.has(ctx)) PRESCRIPTION_CACHE.set(ctx, new Map());
    PRESCRIPTION_CACHE.get(ctx)!.set(key, dues);
  }
  if (dues.length === 0) return null;
  const r = newRecord(ctx, rng.pick(dues));
  r.demandDate = addDays(r.dueDate, after);
  r.lastDunningDate = rng.int(Math.max(r.demandDate + 1, addDays(asOf, -300)), asOf);
  r.dunningCount = rng.int(1, 2);
  r.dunningMethod = rng.pick(['文書', '電話'] as const);
  return r;
}
const PRESCRIPTION_CACHE = new WeakMap<SampleContext, Map<string, number[]>>();

export const PLANTERS: Partial<Record<RuleId, { applies: Applies; make: Planter }>> = {
  REQUIRED_MISSING: { applies: ALL, make: withPaid((r) => (r.debtorId = null)) },
  INVALID_DATE: {
    applies: ALL,
    make: withPaid(
      (r, { rng }) => (r.raw.acknowledgementDate = rng.pick(['R6.2.30', '2024/13/1', '令和5年2月29日', '不明'])),
    ),
  },
  INVALID_AMOUNT: {
    applies: ALL,
    make: withPaid((r, { rng }) => (r.raw.installmentAmount = rng.pick(['5千円', '1,000.5', '△3,000', '約5000円']))),
  },
  INVALID_VALUE: {
    applies: ALL,
    make: withPaid((r, { rng }) => {
      const k = rng.int(0, 2);
      if (k === 0) r.raw.dunningMethod = 'FAX';
      else if (k === 1) r.raw.dunningCount = '数回';
      else r.raw.hardship = '不明';
    }),
  },
  BALANCE_MISMATCH: {
    applies: ALL,
    // The 収入未済額 cell stays 0, so no rule about an owed amount holds.
    make: withPaid((r, { rng }) => (r.paidAmount -= rng.int(1, Math.floor(r.assessedAmount / 200)) * 100)),
  },
  DATE_ORDER: { applies: ALL, make: withPaid((r, { rng }) => (r.assessedDate = addDays(r.dueDate, rng.int(1, 30)))) },
  FUTURE_DATE: {
    applies: ALL,
    make: withPaid((r, { rng, asOf }) => (r.lastContactDate = addDays(asOf, rng.int(1, 60)))),
  },
  WRITE_OFF_INCOMPLETE: {
    applies: ALL,
    make: (ctx) => {
      const r = writtenOffRow(ctx);
      r.writeOffDate = null;
      return r;
    },
  },
  DEMAND_MISSING: {
    applies: ALL,
    make: (ctx) => {
      const r = dunnedRow(ctx);
      r.demandDate = null;
      return r;
    },
  },
  DEMAND_LATE: {
    applies: ALL,
    make: (ctx) => {
      const { rng, asOf } = ctx;
      const r = dunnedRow(ctx, 90);
      r.demandDate = addDays(r.dueDate, rng.int(21, 60));
      r.lastDunningDate = rng.int(Math.max(r.demandDate + 1, addDays(asOf, -300)), asOf);
      return r;
    },
  },
  DEMAND_BEFORE_DUE: {
    applies: ALL,
    make: withPaid((r, { rng }) => (r.demandDate = addDays(r.dueDate, -rng.int(0, 10)))),
  },
  CONTACT_STALE: {
    applies: ALL,
    make: (ctx) => {
      const { rng, asOf } = ctx;
      const r = newRecord(ctx, addDays(asOf, -rng.int(400, 480)));
      r.demandDate = addDays(r.dueDate, rng.int(7, 20));
      r.lastDunningDate = rng.int(r.demandDate + 1, addDays(asOf, -370));
      r.dunningCount = rng.int(1, 2);
      r.dunningMethod = rng.pick(['文書', '電話'] as const);
      return r;
    },
  },
  EARLY_DUNNING: {
    applies: ALL,
    make: (ctx) => {
      const { rng, asOf } = ctx;
      const start = fiscalYearStart(ctx);
      if (start > addDays(asOf, -51)) return null; // too early in the fiscal year for a current-year demand
      const r = newRecord(ctx, rng.int(start, addDays(asOf, -51)));
      r.demandDate = addDays(r.dueDate, rng.int(7, 20));
      return r;
    },
  },
  ESCALATION_DUE: {
    applies: ALL,
    make: (ctx) => {
      const r = dunnedRow(ctx);
      r.dunningCount = ctx.rng.int(3, 8);
      r.dunningMethod = ctx.rng.pick(['文書', 'SMS', 'オートコール', '電話'] as const);
      pay(r, 0, null);
      return r;
    },
  },
  DEFERRAL_INCOMPLETE: {
    applies: ALL,
    make: (ctx) => {
      const r = deferralRow(ctx, '分納誓約');
      r.installmentAmount = null;
      return r;
    },
  },
  DEFERRAL_NOT_APPLICABLE: {
    applies: ALL,
    make: (ctx) => deferralRow(ctx, ctx.classification === '強制徴収公債権' ? '履行延期特約' : '徴収猶予'),
  },
  DEFERRAL_TOO_LONG: {
    applies: ALL,
    make: (ctx) => {
      const { rng } = ctx;
      if (ctx.classification !== '強制徴収公債権') {
        const r = deferralRow(ctx, '履行延期特約');
        r.deferralEnd = addDays(addYears(r.dueDate, 10), rng.int(1, 100));
        return r;
      }
      const r = deferralRow(ctx, '徴収猶予');
      r.deferralEnd = addDays(addYears(r.deferralStart!, 2), rng.int(0, 60));
      return r;
    },
  },
  INSTALLMENT_MISSED: {
    applies: ALL,
    make: (ctx) => {
      const r = deferralRow(ctx, '分納誓約');
      r.nextInstallmentDate = addDays(ctx.asOf, -ctx.rng.int(15, 60));
      return r;
    },
  },
  DEFERRAL_EXPIRED: {
    applies: ALL,
    make: (ctx) => {
      const { rng, asOf } = ctx;
      const r = dunnedRow(ctx, 120);
      r.deferralType = '分納誓約';
      r.deferralEnd = addDays(asOf, -rng.int(1, 30));
      r.deferralStart = rng.int(r.demandDate! + 1, addDays(r.deferralEnd, -30));
      r.acknowledgementDate = r.deferralStart;
      r.installmentAmount = Math.max(1000, Math.ceil(r.outstanding / 10 / 1000) * 1000);
      return r;
    },
  },
  SUSPENSION_NOT_APPLICABLE: {
    applies: NOT_ENFORCEABLE,
    make: (ctx) => {
      const r = dunnedRow(ctx);
      r.suspensionDate = ctx.rng.int(r.demandDate! + 1, ctx.asOf);
      return r;
    },
  },
  SUSPENSION_EXPIRED: {
    applies: ENFORCEABLE,
    make: (ctx) => {
      const { rng, asOf } = ctx;
      let suspended = addDays(addYears(asOf, -3), -rng.int(1, 200));
      while (addYears(suspended, 3) > asOf) suspended--;
      const r = newRecord(ctx, addDays(suspended, -rng.int(100, 400)));
      r.demandDate = addDays(r.dueDate, rng.int(7, 20));
      r.suspensionDate = suspended;
      r.suspensionType = rng.chance(0.7) ? rng.pick(['1号', '2号', '3号'] as const) : null;
      // A recent part payment keeps the claim from prescription, so only the suspension rule holds.
      pay(r, Math.floor(r.assessedAmount / 500) * 100, addDays(asOf, -rng.int(30, 150)));
      return r;
    },
  },
  IMMEDIATE_EXTINCTION_OPEN: {
    applies: ENFORCEABLE,
    make: (ctx) => {
      const r = dunnedRow(ctx);
      r.suspensionDate = ctx.rng.int(r.demandDate! + 1, ctx.asOf);
      r.suspensionType = '即時消滅';
      return r;
    },
  },
  COLLECTION_STOP_NOT_APPLICABLE: {
    applies: ENFORCEABLE,
    make: (ctx) => {
      const r = dunnedRow(ctx);
      r.collectionStopDate = ctx.rng.int(r.demandDate! + 1, ctx.asOf);
      return r;
    },
  },
  PRESCRIPTION_IMMINENT: { applies: ALL, make: (ctx) => prescriptionRow(ctx, ctx.asOf, addDays(ctx.asOf, 179)) },
  PRESCRIPTION_EXPIRED_PUBLIC: {
    applies: PUBLIC,
    make: (ctx) => prescriptionRow(ctx, addDays(ctx.asOf, -1500), addDays(ctx.asOf, -1)),
  },
  PRESCRIPTION_EXPIRED_PRIVATE: {
    applies: PRIVATE,
    make: (ctx) => prescriptionRow(ctx, addDays(ctx.asOf, -1500), addDays(ctx.asOf, -1)),
  },
  HARDSHIP_NO_REFERRAL: {
    applies: ALL,
    make: (ctx) => {
      const r = ctx.rng.chance(0.5) ? paidRow(ctx) : dunnedRow(ctx);
      r.hardship = true;
      return r;
    },
  },
};

/** The rules a sample of this classification can plant (DUPLICATE_ROW included), in catalogue order. */
export function plantableRules(classification: Classification, order: readonly RuleId[]): RuleId[] {
  return order.filter((id) => id === 'DUPLICATE_ROW' || PLANTERS[id]?.applies(classification) === true);
}
