/**
 * 未収金の状況 as the analysis shows it: the rows owing per class ①–⑦, grouped into 回収債権 (①②③)
 * and 整理債権 (④⑤⑥⑦), then 分類できない, each group with its subtotal and all with the total. The
 * classes come from domain/status; a row owing is in exactly one, so the total is the amount owing.
 */
import { STATUS_DEFS, type StatusGroup, type StatusOf } from '../status/classify.js';
import type { Analysis } from './analysis.js';
import type { Locale } from '../engine/types.js';

export interface StatusSplitLine {
  key: StatusOf;
  count: number;
  outstanding: number;
}

export interface StatusSplitGroup {
  group: StatusGroup;
  lines: StatusSplitLine[];
  count: number;
  outstanding: number;
}

export interface StatusSplit {
  groups: StatusSplitGroup[];
  count: number;
  outstanding: number;
  /**
   * The analysis's 収入未済額 less the split's: what rows paid beyond their amount take off the
   * analysis's total (≤ 0). A row that owes nothing is in no class.
   */
  notInSplit: number;
}

/** The groups in the published order, with the classes of each in mark order. */
const GROUPS: readonly (readonly [StatusGroup, readonly StatusOf[]])[] = [
  ['回収債権', ['seized', 'deferred', 'dunning']],
  ['整理債権', ['nothingToRecover', 'stopped', 'prescribed', 'hardship']],
  ['分類できない', ['unclassified']],
];

/** The groups' names in English (the Japanese is the group's own name). */
export const STATUS_GROUP_EN: Readonly<Record<StatusGroup, string>> = {
  回収債権: 'Being collected',
  整理債権: 'To be written off or resolved',
  分類できない: 'Cannot be classified',
};

/** A class's name in a language, with its mark: `① 差押中`, `① Seized`. */
export function statusClassName(key: StatusOf, locale: Locale): string {
  const d = STATUS_DEFS[key];
  const name = locale === 'ja' ? d.label : d.en;
  return d.mark === '' ? name : `${d.mark} ${name}`;
}

export function statusGroupName(group: StatusGroup, locale: Locale): string {
  return locale === 'ja' ? group : STATUS_GROUP_EN[group];
}

export function statusSplit({ status, total }: Pick<Analysis, 'status' | 'total'>): StatusSplit {
  const groups = GROUPS.map(([group, keys]) => {
    const lines = keys.map((key) => ({ key, ...status.byClass[key] }));
    return {
      group,
      lines,
      count: lines.reduce((n, l) => n + l.count, 0),
      outstanding: lines.reduce((n, l) => n + l.outstanding, 0),
    };
  });
  const outstanding = groups.reduce((n, g) => n + g.outstanding, 0);
  return {
    groups,
    count: groups.reduce((n, g) => n + g.count, 0),
    outstanding,
    notInSplit: total.outstanding - outstanding,
  };
}
