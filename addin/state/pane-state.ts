/** Everything the task pane shows, as one plain object (React only renders it). */
import type { SheetRef } from '../excel/workbook-port.js';
import type { CheckResult, Finding } from '../../domain/engine/types.js';
import type { HeaderDetection } from '../../domain/fields/mapping.js';
import type { Locale } from '../i18n/messages.js';
import type { SyncSettings } from '../sync/settings.js';
import type { SyncOutcome } from '../sync/sync-runner.js';
import type { PersonalTextReport } from '../../domain/sync/personal-scan.js';
import type { Applied } from '../sync/client.js';
import { NO_FILTERS, type Filters } from './filters.js';
import type { SheetConfig } from './sheet-config.js';

/** loading → (empty | no-header | mapping) → ready; mapping again on 「対応を変更」. */
export type Phase = 'loading' | 'empty' | 'no-header' | 'mapping' | 'ready' | 'error';

export interface MappingDraft {
  detection: HeaderDetection;
  claimType: string;
  error: string | null;
}

export interface CheckView {
  status: 'idle' | 'running' | 'done' | 'error';
  /** 0..1 while running. */
  progress: number;
  result: CheckResult | null;
  /** Counts incremental re-checks since the last full check. */
  rechecks: number;
  /** An edit touched the header rows: the mapping may need a look. */
  headerTouched: boolean;
}

export interface SyncView {
  status: 'idle' | 'sending' | 'done' | 'error';
  progress: { done: number; total: number } | null;
  outcome: SyncOutcome | null;
  /** The last applied answer of a retry from the outbox. */
  retried: Applied | null;
  /** An error or a notice, ready to show. */
  message: string | null;
  /** Submissions in the outbox (送信待ち). */
  pending: number;
  /** Who the service says we are, after 「接続を確認」. */
  connected: string | null;
  /**
   * Text about to be sent that looks personal (found by the pane, or by the service's 422): which
   * rows and fields, until the clerk fixes the sheet or confirms it is not personal data.
   */
  personal: PersonalTextReport | null;
  /** Values the service does not accept (too long, out of range), by row and field. */
  problems: SyncValueProblem[] | null;
}

/** A refused value: where, and why (the pane's `problem` or the service's `expected`). */
export interface SyncValueProblem {
  row: number | null;
  field: string;
  problem?: string;
  expected?: string;
}

/** Which late-charge table the pane counts with (the check, the worklist, 延滞金の計算). */
export interface LateChargeTableView {
  source: 'service' | 'builtin';
  /** The city's version on the service; 0 for the built-in table. */
  version: number;
  updatedAt: string | null;
}

export interface PaneState {
  locale: Locale;
  phase: Phase;
  sheet: SheetRef | null;
  config: SheetConfig | null;
  draft: MappingDraft | null;
  check: CheckView;
  flagsShown: boolean;
  filters: Filters;
  selected: Finding | null;
  sync: SyncView;
  settings: SyncSettings;
  lateChargeTable: LateChargeTableView;
  /** The last 「対応リストを作る」: how many debtors were written to which sheet. */
  worklist: WorklistView;
  error: string | null;
}

export interface WorklistView {
  status: 'idle' | 'writing' | 'done' | 'error';
  debtors: number;
  sheetName: string | null;
}

export function initialState(locale: Locale, settings: SyncSettings): PaneState {
  return {
    locale,
    phase: 'loading',
    sheet: null,
    config: null,
    draft: null,
    check: { status: 'idle', progress: 0, result: null, rechecks: 0, headerTouched: false },
    flagsShown: false,
    filters: NO_FILTERS,
    selected: null,
    sync: {
      status: 'idle',
      progress: null,
      outcome: null,
      retried: null,
      message: null,
      pending: 0,
      connected: null,
      personal: null,
      problems: null,
    },
    settings,
    lateChargeTable: { source: 'builtin', version: 0, updatedAt: null },
    worklist: { status: 'idle', debtors: 0, sheetName: null },
    error: null,
  };
}
