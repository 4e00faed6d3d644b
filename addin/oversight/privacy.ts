/**
 * Personal-looking text in every form whose text leaves the workbook (plan, review, proposal, hard
 * case, answer): found in the pane with the service's own detector as the user types and before
 * sending, or taken from the service's 422 answer, and shown as highlighted spans under each field.
 * Nothing is ever removed or changed here: the user edits or ticks 「個人情報は含まれていません」
 * (never enough for a My Number).
 */
import {
  isAlwaysRefused,
  PERSONAL_KIND_LABELS,
  scanFields,
  type PersonalKind,
  type PersonalSpan,
} from '../../domain/privacy/personal-text.js';
import type { Translate } from '../i18n/messages.js';
import { SyncError } from '../sync/errors.js';
import { PersonalTextDetails } from '../../domain/api/errors.js';
import type { Notice } from './state.js';

export interface FieldWarning {
  field: string;
  spans: PersonalSpan[];
}

export interface PrivacyCheck {
  warnings: FieldWarning[];
  /** A My Number-like number: never sent, confirmed or not. */
  refused: boolean;
  /** Where the warnings came from: the pane's check, or the service's 422. */
  source: 'pane' | 'service';
}

export const NO_WARNINGS: PrivacyCheck = { warnings: [], refused: false, source: 'pane' };

const KINDS = Object.keys(PERSONAL_KIND_LABELS) as PersonalKind[];

/** The service trims each field before scanning: offsets here are into the text as typed. */
const lead = (text: string) => text.length - text.trimStart().length;

export function checkPrivacy(fields: Record<string, string>): PrivacyCheck {
  const trimmed = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]));
  const warnings = scanFields(trimmed).map((f) => shift(f, lead(fields[f.field] ?? '')));
  return { warnings, refused: warnings.some((w) => w.spans.some(isAlwaysRefused)), source: 'pane' };
}

/** The spans of a 422 looks-personal answer, on the fields as typed; null when it is not one. */
export function fromServiceDetails(details: unknown, fields: Record<string, string>): PrivacyCheck | null {
  const parsed = PersonalTextDetails.safeParse(details);
  if (!parsed.success) return null;
  const warnings = parsed.data.fields.map((f) =>
    shift(
      {
        field: f.field,
        spans: f.spans
          .filter((s): s is PersonalSpan => KINDS.includes(s.kind as PersonalKind))
          .map((s) => ({ start: s.start, end: s.end, kind: s.kind })),
      },
      lead(fields[f.field] ?? ''),
    ),
  );
  return { warnings, refused: !parsed.data.confirmable, source: 'service' };
}

function shift(f: FieldWarning, by: number): FieldWarning {
  return { field: f.field, spans: f.spans.map((s) => ({ ...s, start: s.start + by, end: s.end + by })) };
}

export interface Segment {
  text: string;
  kind: PersonalKind | null;
}

/** The text cut at the spans, for highlighting; every character appears exactly once. */
export function segments(text: string, spans: readonly PersonalSpan[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(pos, Math.min(s.start, text.length));
    const end = Math.min(Math.max(s.end, start), text.length);
    if (start > pos) out.push({ text: text.slice(pos, start), kind: null });
    if (end > start) out.push({ text: text.slice(start, end), kind: s.kind });
    pos = Math.max(pos, end);
  }
  if (pos < text.length) out.push({ text: text.slice(pos), kind: null });
  return out;
}

/** What was flagged, to tell whether an edit changed it (a confirmation covers what the user saw). */
export function flaggedSignature(check: PrivacyCheck, fields: Record<string, string>): string {
  return JSON.stringify(
    check.warnings.map((w) => [w.field, w.spans.map((s) => (fields[w.field] ?? '').slice(s.start, s.end))]),
  );
}

/** A form's texts (API field → text as typed), its warnings and the user's tick. */
export interface Checked {
  privacy: PrivacyCheck;
  confirmed: boolean;
}

/**
 * After an edit: changed text is checked again; the tick stays only while the flagged text is what
 * the user confirmed (`ticked`: this edit is the tick itself). Ticking alone keeps the warnings as
 * they are (the service's, after a 422).
 */
export function afterEdit(
  before: { texts: Record<string, string>; privacy: PrivacyCheck },
  texts: Record<string, string>,
  confirmed: boolean,
  ticked = false,
): Checked {
  const changed = Object.keys(texts).some((k) => texts[k] !== before.texts[k]);
  const privacy = changed ? checkPrivacy(texts) : before.privacy;
  const same = flaggedSignature(privacy, texts) === flaggedSignature(before.privacy, before.texts);
  return { privacy, confirmed: privacy.warnings.length > 0 && confirmed && (same || ticked) };
}

/** Before sending: the pane's check; the service's warnings on the same text stand where the pane finds none. */
export function beforeSend(texts: Record<string, string>, current: PrivacyCheck): PrivacyCheck {
  const pane = checkPrivacy(texts);
  return pane.warnings.length === 0 && current.source === 'service' ? current : pane;
}

/** Why the form may not be sent yet, or null. */
export function blockedBy(privacy: PrivacyCheck, confirmed: boolean, t: Translate): Notice | null {
  if (privacy.refused) return { intent: 'error', text: t('ov.privacy.myNumber') };
  if (privacy.warnings.length > 0 && !confirmed) return { intent: 'warning', text: t('ov.privacy.confirmFirst') };
  return null;
}

/** The spans of a 422 looks-personal failure on these texts; null for any other failure. */
export function fromFailure(
  e: unknown,
  texts: Record<string, string>,
): { privacy: PrivacyCheck; notice: Notice } | null {
  if (!(e instanceof SyncError) || e.code !== 'looks-personal') return null;
  const privacy = fromServiceDetails(e.details, texts);
  return privacy && { privacy, notice: { intent: privacy.refused ? 'error' : 'warning', text: e.message } };
}
