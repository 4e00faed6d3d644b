/**
 * The pane's sync actions: settings (per user, never in the workbook), 「送信」, the outbox
 * (送信待ち) and its retry. The sending itself is in sync/sync-runner.ts.
 */
import { z } from 'zod';
import { ApiClient } from '../sync/client.js';
import { SyncError } from '../sync/errors.js';
import { Outbox } from '../sync/outbox.js';
import { isConfigured, saveSettings, type KeyValueStore, type SyncSettings } from '../sync/settings.js';
import { retryOutbox, syncSheet, type SyncContext, type SyncOptions } from '../sync/sync-runner.js';
import type { PaneController, PaneOptions } from './pane-controller.js';
import type { SyncView } from './pane-state.js';

/** The details of a `looks-personal` refusal, the pane's or the service's (never any text). */
const PersonalDetails = z.object({
  findings: z
    .array(
      z.object({
        field: z.string(),
        spans: z.array(
          z.object({
            start: z.number(),
            end: z.number(),
            // Kinds the pane does not know yet (a newer detector) are shown by their name.
            kind: z.string(),
          }),
        ),
        rows: z.array(z.number()).optional(),
        rowCount: z.number().optional(),
      }),
    )
    .optional(),
  /** The service names them `fields`, as every looks-personal answer does. */
  fields: z.array(z.unknown()).optional(),
  confirmable: z.boolean(),
  truncated: z.boolean().optional(),
});

const ValueDetails = z.object({
  values: z.array(
    z.object({
      row: z.number().nullable(),
      field: z.string(),
      problem: z.string().optional(),
      expected: z.string().optional(),
    }),
  ),
});

function personalOf(details: unknown): SyncView['personal'] {
  const d = details as { fields?: unknown; findings?: unknown } | null;
  const r = PersonalDetails.safeParse(d && d.findings === undefined ? { ...d, findings: d.fields } : d);
  if (!r.success || !r.data.findings) return null;
  return {
    findings: r.data.findings as NonNullable<SyncView['personal']>['findings'],
    confirmable: r.data.confirmable,
    truncated: r.data.truncated ?? false,
  };
}

export class SyncController {
  readonly outbox: Outbox;
  /** The action under way, for `whenIdle`. */
  private running: Promise<void> = Promise.resolve();
  /** Updates of 送信待ち so far: the count read on opening must not overwrite a later one. */
  private pendingUpdates = 0;

  constructor(
    private readonly pane: PaneController,
    private readonly storage: KeyValueStore | null,
    private readonly options: PaneOptions,
  ) {
    this.outbox = new Outbox(storage);
    const at = this.pendingUpdates;
    void this.outbox.count().then((pending) => {
      if (this.pendingUpdates === at) this.set({ pending });
    });
  }

  /** Why 「送信」 is not possible now (a My Number column, or no settings yet), or null. */
  refusal(): { reason: 'personal-number' | 'settings'; message: string } | null {
    const { config, draft, settings } = this.pane.state;
    const mapping = config?.mapping ?? draft?.detection;
    if (mapping && mapping.personalNumberColumns.length > 0) {
      return { reason: 'personal-number', message: this.pane.t('sync.refused') };
    }
    if (!isConfigured(settings)) return { reason: 'settings', message: this.pane.t('sync.notConfigured') };
    return null;
  }

  saveSettings(settings: SyncSettings): void {
    saveSettings(this.storage, settings);
    this.pane.store.set({ settings: { serverUrl: settings.serverUrl.trim(), token: settings.token.trim() } });
    this.set({ connected: null, message: this.pane.t('sync.saved') });
  }

  /**
   * Reads the city's late-charge table where the service is set up; where it cannot be read, the
   * pane keeps counting with the table it has and says which (a late charge is never a reason to fail).
   */
  async loadLateCharges(): Promise<void> {
    if (!isConfigured(this.pane.state.settings)) return;
    try {
      this.pane.useCityLateCharges(await this.context().client.lateCharges());
    } catch {
      // Offline, or an older service: the built-in table (or the last one read) stays, and the pane says which.
    }
  }

  testConnection(): Promise<void> {
    return this.track(this.testNow());
  }

  private async testNow(): Promise<void> {
    if (!isConfigured(this.pane.state.settings)) return this.set({ message: this.pane.t('sync.notConfigured') });
    try {
      const me = await this.context().client.me();
      const who = [me.bureau, me.division].filter(Boolean).join(' ') || me.role;
      this.set({ connected: this.pane.t('sync.connected', { who }), message: null });
      await this.loadLateCharges();
    } catch (e) {
      await this.failed(e);
    }
  }

  /** Resolves when no sync action is under way. */
  async whenIdle(): Promise<void> {
    await this.running;
  }

  /** 「送信」: a fresh check, then what is still waiting for this ledger, then the sheet's changes. */
  send(options: SyncOptions = {}): Promise<void> {
    return this.track(this.sendNow(options));
  }

  /** 「個人情報ではありません」: send again, with the clerk's confirmation (never for a My Number). */
  confirmNotPersonal(): Promise<void> {
    const shown = this.pane.state.sync.personal;
    if (!shown?.confirmable) return Promise.resolve();
    return this.send({ confirmed: shown });
  }

  /** 「再送信」: the outbox's submissions again, with the same ids and parts. */
  retry(): Promise<void> {
    return this.track(this.retryNow());
  }

  private track(p: Promise<void>): Promise<void> {
    this.running = p;
    return p;
  }

  private async sendNow(options: SyncOptions): Promise<void> {
    if (this.refusal() || this.pane.state.sync.status === 'sending') return;
    this.set({
      status: 'sending',
      progress: null,
      message: null,
      outcome: null,
      retried: null,
      personal: null,
      problems: null,
    });
    try {
      // Read the sheet afresh: what is sent is what the sheet holds now, not only what edits reported.
      const session = await this.pane.check({ keepFlags: true });
      if (!session) return this.set({ status: 'idle' });
      if (session.config.mapping.personalNumberColumns.length > 0) return this.set({ status: 'idle' });
      const ctx = this.context();
      const progress = (done: number, total: number) => this.set({ progress: { done, total } });
      const before = await retryOutbox(ctx, session.config.ledgerId, progress);
      if (before.error) throw before.error;
      const outcome = await syncSheet(ctx, session, progress, options);
      // With the row state just written: where the header stands now, if it moved since it was confirmed.
      await this.pane.saveMovedConfig();
      const notes = [
        outcome.caughtUp ? this.pane.t('sync.caughtUp') : null,
        outcome.persisted ? null : this.pane.t('sync.storage'),
      ].filter((n) => n !== null);
      const pending = await this.outbox.count();
      this.set({ status: 'done', outcome, message: notes.join(' ') || null, pending });
    } catch (e) {
      await this.failed(e);
    }
  }

  private async retryNow(): Promise<void> {
    if (!isConfigured(this.pane.state.settings) || this.pane.state.sync.status === 'sending') return;
    this.set({ status: 'sending', progress: null, message: null, personal: null, problems: null });
    try {
      const out = await retryOutbox(this.context(), undefined, (done, total) =>
        this.set({ progress: { done, total } }),
      );
      if (out.error) throw out.error;
      const pending = await this.outbox.count();
      this.set({
        status: 'done',
        retried: out.applied[out.applied.length - 1] ?? null,
        message: out.stale > 0 ? this.pane.t('sync.stale') : null,
        pending,
      });
    } catch (e) {
      await this.failed(e);
    }
  }

  /** On start: whatever a closed pane or a lost connection left behind. */
  async resendPending(): Promise<void> {
    const { serverUrl } = this.pane.state.settings;
    const entries = await this.outbox.list();
    const waiting = entries.filter((e) => e.serverUrl === serverUrl.trim());
    this.set({ pending: entries.length });
    if (waiting.length > 0) await this.retry();
  }

  private context(): SyncContext {
    const { serverUrl, token } = this.pane.state.settings;
    const { t } = this.pane;
    return {
      port: this.pane.port,
      client: new ApiClient({ serverUrl, token, t, fetch: this.options.fetch }),
      outbox: this.outbox,
      serverUrl: serverUrl.trim(),
      t,
    };
  }

  private async failed(e: unknown): Promise<void> {
    // The service's and the network's errors are sentences already; Excel's are put in the user's words.
    const error = e instanceof SyncError ? e.message : this.pane.describe(e);
    // What waits only in memory is lost with the pane: say so while it waits.
    const message = this.outbox.inMemory() > 0 ? `${error} ${this.pane.t('sync.storage')}` : error;
    const pending = await this.outbox.count();
    const patch: Partial<SyncView> = { status: 'error', progress: null, message, pending };
    if (e instanceof SyncError && e.code === 'looks-personal') patch.personal = personalOf(e.details);
    if (e instanceof SyncError && e.code === 'invalid-value') {
      const r = ValueDetails.safeParse(e.details);
      patch.problems = r.success ? r.data.values : null;
    }
    this.set(patch);
  }

  private set(patch: Partial<SyncView>): void {
    if (patch.pending !== undefined) this.pendingUpdates++;
    this.pane.store.set((s) => ({ sync: { ...s.sync, ...patch } }));
  }
}
