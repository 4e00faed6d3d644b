/** Words and numbers of a late-charge result, in the pane's language: pure, for the result view. */
import { formatISO } from '../../domain/calendar/day.js';
import {
  formatBp,
  type LateChargeKind,
  type LateChargeNote,
  type LateChargeResult,
} from '../../domain/late-charge/index.js';
import { formatNumber, type MessageKey, type Translate } from '../i18n/messages.js';
import type { LateChargeComputed } from './calculator.js';

/** `2,400円` (`¥2,400` in English). */
export const formatYen = (t: Translate, n: number): string => t('analysis.yen', { amount: formatNumber(n) });

export interface PieceRow {
  key: string;
  /** 第1期 / 第2期; a civil charge has one period and shows －. */
  period: string;
  /** `2025-05-01〜2025-05-31`. */
  span: string;
  days: string;
  /** `2.4%`: the exact rate the amount was computed with. */
  rate: string;
  amount: string;
}

export function pieceRows(t: Translate, r: LateChargeResult): PieceRow[] {
  return r.pieces.map((p) => ({
    key: `${p.from}`,
    period: r.kind === 'civil' ? '－' : t('lc.period', { n: p.period }),
    span: `${formatISO(p.from)}〜${formatISO(p.to)}`,
    days: t('lc.days', { days: formatNumber(p.days) }),
    rate: formatBp(p.rateBp),
    amount: formatYen(t, p.amount),
  }));
}

const PROFILE_KEYS: Record<LateChargeKind, MessageKey> = {
  'tax-like': 'lc.profile.tax-like',
  civil: 'lc.profile.civil',
  none: 'lc.profile.none',
};

/** 税の例による / 民法 / 延滞金なし. */
export const profileLabel = (t: Translate, kind: LateChargeKind): string => t(PROFILE_KEYS[kind]);

/** 計算の基礎: where the principal was rounded down before the rates applied. */
export function baseLine(t: Translate, c: LateChargeComputed): string | null {
  const { result: r, profile } = c;
  if (profile.kind === 'none' || r.pieces.length === 0 || r.base === c.principal) return null;
  return t('lc.base', { base: formatYen(t, r.base), unit: formatYen(t, profile.baseUnit) });
}

/** The sum of the pieces, where there are several (each truncated to whole yen). */
export function sumLine(t: Translate, r: LateChargeResult): string | null {
  if (r.pieces.length < 2) return null;
  return t('lc.sum', {
    sum: formatYen(
      t,
      r.pieces.reduce((s, p) => s + p.amount, 0),
    ),
  });
}

/** 延滞金: 2,400円（100円未満切捨て）; 遅延損害金 for a civil charge. */
export function totalLine(t: Translate, c: LateChargeComputed): string {
  const { result: r, profile } = c;
  const amount = formatYen(t, r.total);
  const label = t(r.kind === 'civil' ? 'lc.total.civil' : 'lc.total.tax-like');
  const rounded = profile.kind !== 'none' && profile.totalUnit > 1 && r.total > 0;
  return rounded
    ? t('lc.totalRounded', { label, amount, unit: formatYen(t, profile.totalUnit) })
    : t('lc.total', { label, amount });
}

const NOTE_KEYS: Record<LateChargeNote, MessageKey> = {
  'statutory-rate-used': 'lc.note.statutory-rate-used',
  'under-threshold': 'lc.note.under-threshold',
  'under-minimum': 'lc.note.under-minimum',
  'not-late': 'lc.note.not-late',
};

/** The domain's notes, worded; a claim without late charges says so. */
export function noteTexts(t: Translate, c: LateChargeComputed): string[] {
  const { result: r, profile } = c;
  if (r.kind === 'none') return [t('lc.note.none')];
  const params: Record<string, string> =
    profile.kind === 'none'
      ? {}
      : { minPrincipal: formatYen(t, profile.minPrincipal), minTotal: formatYen(t, profile.minTotal) };
  return r.notes.map((n) => t(NOTE_KEYS[n], params));
}
