/**
 * Personal-looking text in what a division or an answerer writes (処理困難事案): found in the pane
 * with the service's own detector before sending, or taken from the service's 422 answer, and shown
 * as highlighted spans. Nothing is ever removed or changed here: the user edits or confirms.
 */
import {
  isAlwaysRefused,
  scanFields,
  type PersonalKind,
  type PersonalSpan,
} from '../../domain/privacy/personal-text.js';
import { PersonalDetails } from './schemas.js';

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

const KINDS: readonly PersonalKind[] = ['name', 'address', 'phone', 'email', 'my-number'];

/** The service trims each field before scanning: offsets here are into the text as typed. */
const lead = (text: string) => text.length - text.trimStart().length;

export function checkPrivacy(fields: Record<string, string>): PrivacyCheck {
  const trimmed = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]));
  const warnings = scanFields(trimmed).map((f) => shift(f, lead(fields[f.field] ?? '')));
  return { warnings, refused: warnings.some((w) => w.spans.some(isAlwaysRefused)), source: 'pane' };
}

/** The spans of a 422 looks-personal answer, on the fields as typed; null when it is not one. */
export function fromServiceDetails(details: unknown, fields: Record<string, string>): PrivacyCheck | null {
  const parsed = PersonalDetails.safeParse(details);
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
