/**
 * The 計画・取りまとめ behaviour, outside React: asks the service who we are, then loads what that
 * role works with (a division: its plans and hard cases; accounting and finance: submissions,
 * flagged claims, proposals, cases to answer, and 取りまとめ into the open workbook).
 */
import { fiscalYearOfMonth, japanMonth } from '../../domain/plans/milestones.js';
import type { WorkbookPort } from '../excel/workbook-port.js';
import type { Translate } from '../i18n/messages.js';
import { SyncError } from '../sync/errors.js';
import { isConfigured, type SyncSettings } from '../sync/settings.js';
import { createStore, type Store } from '../state/store.js';
import { OversightApi } from './api.js';
import { CaseController } from './case-controller.js';
import { ConsolidationController } from './consolidation-controller.js';
import { PlanController } from './plan-controller.js';
import { ReviewController } from './review-controller.js';
import { initialOversight, roleOf, type Notice, type OversightState } from './state.js';

export interface OversightOptions {
  port: WorkbookPort;
  t: Translate;
  /** The pane's settings (server URL and token), read at each call. */
  settings: () => SyncSettings;
  fetch?: typeof fetch;
  /** For the default fiscal year and review month; now by default. */
  now?: () => Date;
}

export class OversightController {
  readonly store: Store<OversightState>;
  readonly t: Translate;
  readonly plans: PlanController;
  readonly cases: CaseController;
  readonly review: ReviewController;
  readonly consolidation: ConsolidationController;
  private readonly running = new Set<Promise<unknown>>();
  /** The server URL and token the last start used. */
  private startedWith: string | null = null;

  constructor(readonly options: OversightOptions) {
    this.t = options.t;
    const month = japanMonth((options.now ?? (() => new Date()))());
    this.store = createStore(initialOversight(fiscalYearOfMonth(month) ?? new Date().getFullYear(), month));
    this.plans = new PlanController(this);
    this.cases = new CaseController(this);
    this.review = new ReviewController(this);
    this.consolidation = new ConsolidationController(this);
  }

  get state(): OversightState {
    return this.store.get();
  }

  get port(): WorkbookPort {
    return this.options.port;
  }

  configured(): boolean {
    return isConfigured(this.options.settings());
  }

  api(): OversightApi {
    const { serverUrl, token } = this.options.settings();
    return new OversightApi({ serverUrl, token, t: this.t, fetch: this.options.fetch });
  }

  /**
   * On opening the view: starts unless already started with these settings, so that switching to
   * 台帳 and back keeps an unsaved edit.
   */
  startIfNeeded(): Promise<void> {
    const { serverUrl, token } = this.options.settings();
    return JSON.stringify([serverUrl, token]) === this.startedWith ? Promise.resolve() : this.start();
  }

  /** Who we are, then the role's data. */
  start(): Promise<void> {
    const { serverUrl, token } = this.options.settings();
    this.startedWith = JSON.stringify([serverUrl, token]);
    return this.track(async () => {
      if (!this.configured()) return this.store.set({ status: 'idle', notice: this.info('ov.notConfigured') });
      this.store.set({ status: 'loading', notice: null });
      try {
        const me = await this.api().me();
        this.store.set({ me, role: roleOf(me.role), status: 'ready' });
      } catch (e) {
        return this.store.set({ status: 'error', notice: this.errorNotice(e) });
      }
      await this.reload();
    });
  }

  setFiscalYear(fiscalYear: number): Promise<void> {
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) return Promise.resolve();
    this.store.set({ fiscalYear });
    return this.track(() => this.reload());
  }

  private async reload(): Promise<void> {
    const role = this.state.role;
    if (role === 'division') await Promise.all([this.plans.load(), this.cases.load()]);
    else if (role === 'accounting' || role === 'finance') await this.review.load();
  }

  /** Runs a UI action, remembered for whenIdle; a failure never reaches React. */
  track(task: () => Promise<void>): Promise<void> {
    const p = task().catch((e: unknown) => this.store.set({ notice: this.errorNotice(e) }));
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
    return p;
  }

  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  info(key: Parameters<Translate>[0], params?: Record<string, string | number>): Notice {
    return { intent: 'info', text: this.t(key, params) };
  }

  /** The service's own message (and field problems) where it sent one. */
  errorNotice(e: unknown): Notice {
    if (e instanceof SyncError) {
      const details = problemsOf(e.details);
      return { intent: 'error', text: e.message, ...(details.length ? { details } : {}) };
    }
    return { intent: 'error', text: this.t('common.error', { message: e instanceof Error ? e.message : String(e) }) };
  }
}

/** `[{ path, problem }]` of a 400 invalid-input, as lines. */
function problemsOf(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    const p = d as { path?: unknown; problem?: unknown };
    return typeof p?.problem === 'string'
      ? [typeof p.path === 'string' && p.path ? `${p.path}: ${p.problem}` : p.problem]
      : [];
  });
}
