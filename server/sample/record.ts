/**
 * One sample ledger row as values (days, yen), before it is written in mixed notations, and the
 * clean kinds of row: each one satisfies no rule of rules.md as of the sample's as-of date.
 */
import { addDays, addYears, fiscalYearOf, ymdOf, type Day } from '../../domain/calendar/day.js';
import type { DeferralType, DunningMethod, FieldKey, SuspensionType } from '../../domain/fields/catalogue.js';
import type { Cell } from '../../domain/values/parsed.js';
import { isEnforceable, type SampleContext } from './context.js';
import { fakeAddress, fakeName, fakeNote, fakePhone, INCOME_BRACKETS } from './names.js';

export interface SampleRow {
  debtorId: string | null;
  debtorName: string;
  address: string;
  phone: string;
  fiscalYear: number;
  period: string;
  assessmentNo: string;
  assessedDate: Day;
  assessedAmount: number;
  dueDate: Day;
  paidAmount: number;
  lastPaymentDate: Day | null;
  writtenOffAmount: number;
  writeOffDate: Day | null;
  outstanding: number;
  demandDate: Day | null;
  lastDunningDate: Day | null;
  dunningMethod: DunningMethod | null;
  dunningCount: number | null;
  lastContactDate: Day | null;
  contactNote: string | null;
  deferralType: DeferralType | null;
  deferralStart: Day | null;
  deferralEnd: Day | null;
  installmentAmount: number | null;
  nextInstallmentDate: Day | null;
  acknowledgementDate: Day | null;
  suspensionDate: Day | null;
  suspensionType: SuspensionType | null;
  collectionStopDate: Day | null;
  hardship: boolean;
  referralDate: Day | null;
  incomeBracket: string;
  /** Cells written as they stand instead of the value (planted unreadable cells). */
  raw: Partial<Record<FieldKey, Cell>>;
}

export const DUNNING_METHODS: readonly DunningMethod[] = ['文書', '電話', 'SMS', 'オートコール', '勤務先', '臨戸'];

/** A new debtor and assessment, due on `due`, nothing paid or done yet. */
export function newRecord(ctx: SampleContext, due: Day): SampleRow {
  const { rng, asOf } = ctx;
  const serial = ++ctx.serial;
  const assessed = rng.int(20, 600) * 100;
  return {
    debtorId: `${String(rng.int(1, 99)).padStart(2, '0')}-${String(rng.int(0, 999999)).padStart(6, '0')}`,
    debtorName: fakeName(rng),
    address: fakeAddress(rng),
    phone: fakePhone(rng),
    fiscalYear: fiscalYearOf(due),
    period: rng.chance(0.5) ? `${ymdOf(due).month}月分` : `第${rng.int(1, 10)}期`,
    assessmentNo: `${fiscalYearOf(due)}-${String(serial).padStart(7, '0')}-${rng.int(10, 99)}`,
    assessedDate: Math.min(addDays(due, -rng.int(14, 45)), asOf),
    assessedAmount: assessed,
    dueDate: due,
    paidAmount: 0,
    lastPaymentDate: null,
    writtenOffAmount: 0,
    writeOffDate: null,
    outstanding: assessed,
    demandDate: null,
    lastDunningDate: null,
    dunningMethod: null,
    dunningCount: null,
    lastContactDate: null,
    contactNote: null,
    deferralType: null,
    deferralStart: null,
    deferralEnd: null,
    installmentAmount: null,
    nextInstallmentDate: null,
    acknowledgementDate: null,
    suspensionDate: null,
    suspensionType: null,
    collectionStopDate: null,
    hardship: false,
    referralDate: null,
    incomeBracket: rng.pick(INCOME_BRACKETS),
    raw: {},
  };
}

export function pay(r: SampleRow, amount: number, on: Day | null): void {
  r.paidAmount = amount;
  r.lastPaymentDate = amount > 0 ? on : null;
  r.outstanding = r.assessedAmount - r.paidAmount - r.writtenOffAmount;
}

/** A demand 7–20 days after the due date (on time), where the due date is 21+ days past. */
function demandOnTime(ctx: SampleContext, r: SampleRow): void {
  if (ctx.asOf > addDays(r.dueDate, 20)) r.demandDate = addDays(r.dueDate, ctx.rng.int(7, 20));
}

/** Paid in full, on time or after a demand. */
export function paidRow(ctx: SampleContext): SampleRow {
  const { rng, asOf } = ctx;
  const r = newRecord(ctx, addDays(asOf, -rng.int(0, 1800)));
  const on = rng.chance(0.7) ? addDays(r.dueDate, -rng.int(0, 15)) : Math.min(addDays(r.dueDate, rng.int(1, 90)), asOf);
  if (on > addDays(r.dueDate, 20)) r.demandDate = addDays(r.dueDate, rng.int(7, 20));
  pay(r, r.assessedAmount, on);
  return r;
}

/** Not yet 20 days past due: nothing is owed to the rules yet. */
function notDueRow(ctx: SampleContext): SampleRow {
  const { rng, asOf } = ctx;
  const r = newRecord(ctx, addDays(asOf, rng.int(-20, 60)));
  if (rng.chance(0.2))
    pay(r, Math.floor(r.assessedAmount / 200) * 100, addDays(Math.min(asOf, r.dueDate), -rng.int(0, 10)));
  return r;
}

/** Owing, demanded on time and dunned within the last 300 days; escalated where dunned 3+ times. */
export function dunnedRow(ctx: SampleContext, minAge = 21): SampleRow {
  const { rng, asOf } = ctx;
  const r = newRecord(ctx, rng.int(ctx.minDue, addDays(asOf, -minAge)));
  demandOnTime(ctx, r);
  r.lastDunningDate = rng.int(Math.max(r.demandDate! + 1, addDays(asOf, -300)), asOf);
  if (rng.chance(0.7)) {
    r.dunningCount = rng.int(1, 2);
    r.dunningMethod = rng.pick(DUNNING_METHODS);
  } else {
    r.dunningCount = rng.int(3, 6);
    r.dunningMethod = rng.pick(['勤務先', '臨戸'] as const);
  }
  if (rng.chance(0.3)) pay(r, rng.int(1, 8) * Math.floor(r.assessedAmount / 1000) * 100, rng.int(r.dueDate, asOf));
  if (rng.chance(0.4)) {
    r.lastContactDate = rng.int(addDays(asOf, -300), asOf);
    r.contactNote = fakeNote(rng);
  }
  return r;
}

/** A deferral in force with its dates (and installments where the kind needs them) filled in. */
export function deferralRow(ctx: SampleContext, type: DeferralType): SampleRow {
  const { rng, asOf } = ctx;
  const r = dunnedRow(ctx, 60);
  r.deferralType = type;
  if (type === '徴収猶予' || type === '換価猶予') {
    r.deferralStart = rng.int(Math.max(r.demandDate! + 1, addDays(asOf, -300)), addDays(asOf, -1));
    r.deferralEnd = rng.int(
      Math.max(asOf, r.deferralStart + 90),
      Math.min(addYears(r.deferralStart, 2) - 1, asOf + 300),
    );
    return r;
  }
  r.deferralStart = rng.int(r.demandDate! + 1, addDays(asOf, -1));
  r.acknowledgementDate = r.deferralStart;
  r.deferralEnd =
    type === '履行延期特約'
      ? rng.int(addDays(asOf, 30), Math.min(addYears(r.dueDate, 10), addDays(asOf, 1500)))
      : addDays(asOf, rng.int(30, 600));
  r.installmentAmount = Math.max(1000, Math.ceil(r.outstanding / 10 / 1000) * 1000);
  r.nextInstallmentDate = addDays(asOf, rng.int(-10, 25));
  return r;
}

/** Written off after the claim ended: nothing owed. */
export function writtenOffRow(ctx: SampleContext): SampleRow {
  const { rng, asOf } = ctx;
  const r = newRecord(ctx, addDays(asOf, -rng.int(400, 2500)));
  demandOnTime(ctx, r);
  if (rng.chance(0.3)) pay(r, Math.floor(r.assessedAmount / 300) * 100, addDays(r.dueDate, rng.int(30, 200)));
  r.writtenOffAmount = r.assessedAmount - r.paidAmount;
  r.writeOffDate = rng.int(addDays(r.dueDate, 365), asOf);
  r.outstanding = 0;
  return r;
}

/** 執行停止 (enforceable claims) or 徴収停止 (the others), in force and lawful. */
function stoppedRow(ctx: SampleContext): SampleRow {
  const { rng, asOf } = ctx;
  const r = dunnedRow(ctx);
  if (isEnforceable(ctx)) {
    r.suspensionDate = rng.int(Math.max(r.demandDate! + 1, addYears(asOf, -3) + 30), asOf);
    r.suspensionType = rng.pick(['1号', '2号', '3号'] as const);
  } else {
    r.collectionStopDate = rng.int(r.demandDate! + 1, asOf);
  }
  return r;
}

/** A clean row of a kind drawn by weight; a few are marked in hardship, with their referral. */
export function cleanRow(ctx: SampleContext): SampleRow {
  const { rng } = ctx;
  const x = rng.next();
  const r =
    x < 0.35
      ? paidRow(ctx)
      : x < 0.45
        ? notDueRow(ctx)
        : x < 0.75
          ? dunnedRow(ctx)
          : x < 0.85
            ? deferralRow(ctx, rng.chance(0.6) ? '分納誓約' : isEnforceable(ctx) ? '徴収猶予' : '履行延期特約')
            : x < 0.9
              ? writtenOffRow(ctx)
              : stoppedRow(ctx);
  if (rng.chance(0.05)) {
    r.hardship = true;
    r.referralDate = rng.int(addDays(ctx.asOf, -700), ctx.asOf);
  }
  return r;
}
