/** The analysis's 未収金の状況 and payment-channel tables in the human report of `saiken check`. */
import type { Analysis } from '../../../domain/analysis/analysis.js';
import { channelEntryName, channelTitle } from '../../../domain/analysis/channel-labels.js';
import { CHANNELS, type ChannelSplit } from '../../../domain/analysis/channels.js';
import { statusClassName, statusGroupName, statusSplit } from '../../../domain/analysis/status-split.js';
import { fieldDef } from '../../../domain/fields/catalogue.js';
import { EN, type Labels } from './labels.js';
import { grouped, table } from './table.js';

const nested = (lines: readonly string[]) => lines.map((l) => `    ${l}`);
const rate = (r: number | null) => (r === null ? '—' : `${r.toFixed(1)}%`);

/** 回収債権 and 整理債権 with their classes indented under them, 分類できない, and the total. */
export function statusLines(L: Labels, a: Analysis): string[] {
  const locale = L === EN ? 'en' : 'ja';
  const split = statusSplit(a);
  const rows: string[][] = [];
  for (const g of split.groups) {
    const single = g.lines.length === 1;
    rows.push([statusGroupName(g.group, locale), grouped(g.count), grouped(g.outstanding)]);
    if (!single)
      for (const l of g.lines)
        rows.push([`  ${statusClassName(l.key, locale)}`, grouped(l.count), grouped(l.outstanding)]);
  }
  rows.push([L.total, grouped(split.count), grouped(split.outstanding)]);
  const out = [`  ${L.status}`, ...nested(table(L.statusHeader, rows, ['l', 'r', 'r']))];
  if (split.notInSplit !== 0) out.push(`    ${L.overpaid(grouped(-split.notInSplit))}`);
  return out;
}

/** One table per mapped channel: rows, 調定額, 収入済額, 収入未済額 and 収納率 per entry. */
export function channelLines(L: Labels, a: Analysis): string[] {
  const locale = L === EN ? 'en' : 'ja';
  const out: string[] = [];
  for (const channel of CHANNELS) {
    const splits = a.channels[channel];
    if (splits === null) continue;
    const key = L === EN ? channel : fieldDef(channel).label;
    const row = (s: ChannelSplit) => [
      channelEntryName(s.key, locale),
      grouped(s.count),
      grouped(s.assessed),
      grouped(s.paid),
      grouped(s.outstanding),
      rate(s.collectionRate),
    ];
    const align = ['l', 'r', 'r', 'r', 'r', 'r'] as const;
    out.push(`  ${channelTitle(channel, locale)}:`, ...nested(table(L.channelHeader(key), splits.map(row), align)));
  }
  return out;
}
