/**
 * Payment channels, the ward plan's measures: per 納付方法, 催告方法 and 口座振替の有無, the rows with
 * their 調定額, 収入済額, 収入未済額 and 収納率. Every row in the totals falls in exactly one entry of each
 * breakdown (a blank cell in 未記入, a cell that could not be read in its own entry), so each
 * breakdown sums to the analysis's total. Counts and amounts only.
 */
import { DUNNING_METHODS, PAYMENT_METHODS } from '../fields/catalogue.js';
import type { LedgerRow } from '../engine/ledger-row.js';
import { collectionRate } from './rate.js';

/** A blank cell. */
export const NOT_ENTERED = 'notEntered';
/** A cell that could not be read as one of the options. */
export const UNREADABLE = 'unreadable';
export const DIRECT_DEBIT_KEYS = ['enrolled', 'notEnrolled'] as const;

export const CHANNELS = ['paymentMethod', 'dunningMethod', 'directDebit'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The entries of each breakdown, in the order they are shown (the unreadable one only when it has rows). */
export const CHANNEL_KEYS: Readonly<Record<Channel, readonly string[]>> = {
  paymentMethod: [...PAYMENT_METHODS, NOT_ENTERED],
  dunningMethod: [...DUNNING_METHODS, NOT_ENTERED],
  directDebit: [...DIRECT_DEBIT_KEYS, NOT_ENTERED],
};

export interface ChannelSplit {
  key: string;
  count: number;
  assessed: number;
  paid: number;
  outstanding: number;
  /** 収納率 of the entry's rows, as the analysis defines it; null where nothing was assessed. */
  collectionRate: number | null;
}

/** Null where the sheet has no such column. */
export type ChannelBreakdowns = Record<Channel, ChannelSplit[] | null>;

interface Sums {
  count: number;
  assessed: number;
  paid: number;
  outstanding: number;
}

/** The entry a row falls in: its option, 未記入, or unreadable. */
function keyOf(row: LedgerRow, channel: Channel): string {
  if (row.invalid?.[channel]) return UNREADABLE;
  const v = row.v[channel];
  if (v === null) return NOT_ENTERED;
  if (channel === 'directDebit') return v ? 'enrolled' : 'notEnrolled';
  return String(v);
}

/** The breakdowns of the mapped channels, a row added (sign 1) or taken back out (sign −1) at a time. */
export class ChannelAccumulator {
  private readonly sums = new Map<Channel, Map<string, Sums>>();

  constructor(mapped: ReadonlySet<string>) {
    for (const c of CHANNELS) {
      if (!mapped.has(c)) continue;
      const keys = [...CHANNEL_KEYS[c], UNREADABLE];
      this.sums.set(c, new Map(keys.map((k) => [k, { count: 0, assessed: 0, paid: 0, outstanding: 0 }])));
    }
  }

  /** The caller leaves out rows whose amounts cannot be read, as from every total. */
  add(row: LedgerRow, owed: number, sign: 1 | -1): void {
    for (const [channel, map] of this.sums) {
      const s = map.get(keyOf(row, channel))!;
      s.count += sign;
      s.assessed += sign * (row.v.assessedAmount ?? 0);
      s.paid += sign * (row.v.paidAmount ?? 0);
      s.outstanding += sign * owed;
    }
  }

  snapshot(): ChannelBreakdowns {
    const out = { paymentMethod: null, dunningMethod: null, directDebit: null } as ChannelBreakdowns;
    for (const [channel, map] of this.sums) {
      out[channel] = [...map]
        .filter(([key, s]) => key !== UNREADABLE || s.count !== 0)
        .map(([key, s]) => ({ key, ...s, collectionRate: collectionRate(s.paid, s.assessed) }));
    }
    return out;
  }
}
