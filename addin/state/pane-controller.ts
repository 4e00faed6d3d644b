/**
 * The pane's behaviour, outside React: open a sheet (ask for the mapping only the first time),
 * check it, keep it checked as the user edits, highlight and select cells. Sync is in SyncController.
 * Edits are followed through Excel's change events, a co-author's too, without ever moving the
 * user's selection; inserted or deleted rows and columns re-check the whole sheet and rebuild the
 * highlights. Document state is written only on the user's explicit actions (confirming the
 * mapping, a send): a custom XML part written on an edit would clear Excel's Undo history.
 */
import type { SheetChange, SheetRef, WorkbookPort } from '../excel/workbook-port.js';
import { isCellEditError } from '../excel/excel-run.js';
import { UnreadableRowError } from '../excel/read-rows.js';
import type { Finding } from '../../domain/engine/types.js';
import type { FieldKey } from '../../domain/fields/catalogue.js';
import { detectHeader } from '../../domain/fields/header.js';
import { todayInJapan, type Day } from '../../domain/calendar/day.js';
import type { CityLateCharges } from '../../domain/api/late-charges.js';
import { DEFAULT_LATE_CHARGE_PROFILES, LateChargeProfiles } from '../../domain/late-charge/index.js';
import { localeOf, translator, type Translate } from '../i18n/messages.js';
import { CheckSession, HeaderLostError, lastColumnOf, lastRowOf } from '../check/check-session.js';
import { recheck } from '../check/recheck.js';
import { columnNumber, flagsOf } from '../check/finding-flags.js';
import { defaultStorage, loadSettings, type KeyValueStore } from '../sync/settings.js';
import { createStore, type Store } from './store.js';
import { initialState, type CheckView, type PaneState } from './pane-state.js';
import type { Filters, YearKind } from './filters.js';
import { loadSheetConfig, newLedgerId, saveSheetConfig, type SheetConfig } from './sheet-config.js';
import { editColumn, guessClaimType } from './mapping-draft.js';
import { SyncController } from './sync-controller.js';
import { WorklistController } from './worklist-controller.js';

export interface PaneOptions {
  storage?: KeyValueStore | null;
  fetch?: typeof fetch;
  /** 基準日; today in Japan by default. */
  asOf?: () => Day;
  /** Late-charge profiles that override the city's and the built-in table (tests). */
  lateChargeProfiles?: LateChargeProfiles;
}

const HEADER_SCAN_ROWS = 30;

export class PaneController {
  readonly store: Store<PaneState>;
  readonly t: Translate;
  readonly sync: SyncController;
  readonly worklist: WorklistController;
  private session: CheckSession | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  /** Checks and edits run one after another, so an edit never lands on a half-read sheet. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The header moved since the mapping was stored: saved with the next explicit action, never on an edit. */
  private configMoved = false;
  /** The city's late-charge table from the service, once read. */
  private cityLateCharges: LateChargeProfiles | null = null;

  constructor(
    readonly port: WorkbookPort,
    private readonly options: PaneOptions = {},
  ) {
    const locale = localeOf(port.displayLanguage());
    const storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.t = translator(locale);
    this.store = createStore(initialState(locale, loadSettings(storage)));
    this.sync = new SyncController(this, storage, options);
    this.worklist = new WorklistController(this);
    port.onCellEditWait?.((waiting) => this.cellEditWait(waiting));
  }

  /** While Excel holds a request for the user's cell edit, say why the pane waits. */
  private cellEditWait(waiting: boolean): void {
    const message = this.t('excel.cellEdit');
    if (waiting) this.store.set({ error: message });
    else if (this.state.error === message) this.store.set({ error: null });
  }

  get state(): PaneState {
    return this.store.get();
  }

  /** Today as the pane counts it (the check's 基準日). */
  today(): Day {
    return (this.options.asOf ?? todayInJapan)();
  }

  /** What the check, the worklist and 延滞金の計算 count with: the city's table when read, else the built-in one. */
  get lateChargeProfiles(): LateChargeProfiles {
    return this.options.lateChargeProfiles ?? this.cityLateCharges ?? DEFAULT_LATE_CHARGE_PROFILES;
  }

  /**
   * The city's table, as the service gave it. A sheet checked with another version is checked
   * again, so the pane's findings stay those the service finds.
   */
  useCityLateCharges(city: CityLateCharges): void {
    const was = this.state.lateChargeTable;
    this.cityLateCharges = new LateChargeProfiles(city.table);
    this.store.set({ lateChargeTable: { source: city.source, version: city.version, updatedAt: city.updatedAt } });
    if ((was.source !== city.source || was.version !== city.version) && this.session) {
      void this.check({ keepFlags: true });
    }
  }

  /** Opens the active sheet, then resends whatever the outbox still holds; the city's table is read meanwhile. */
  async start(): Promise<void> {
    const table = this.sync.loadLateCharges();
    await this.open();
    await this.sync.resendPending();
    await table;
  }

  async open(): Promise<void> {
    await this.detach();
    this.store.set({ phase: 'loading', draft: null, error: null, selected: null, flagsShown: false });
    this.setCheck({ status: 'idle', progress: 0, result: null, rechecks: 0, headerTouched: false });
    try {
      const sheet = await this.port.activeSheet();
      const config = await loadSheetConfig(this.port, sheet.id);
      if (config) return this.store.set({ sheet, config, phase: 'ready' });
      this.store.set({ sheet, config: null });
      await this.propose(sheet);
    } catch (e) {
      this.store.set({ phase: 'error' });
      this.fail(e);
    }
  }

  /** First time on a sheet: detect the header and show the mapping for the user to confirm. */
  private async propose(sheet: SheetRef): Promise<void> {
    const area = await this.port.usedArea(sheet);
    if (!area) return this.store.set({ phase: 'empty' });
    const rows = await this.port.readRows(sheet, 1, Math.min(HEADER_SCAN_ROWS, lastRowOf(area)), lastColumnOf(area));
    const merges = await this.port.mergedAreas(sheet, rows.length, lastColumnOf(area));
    const detection = detectHeader(rows, merges === undefined ? {} : { merges });
    if (!detection) return this.store.set({ phase: 'no-header' });
    this.store.set({ phase: 'mapping', draft: { detection, claimType: guessClaimType(rows, detection), error: null } });
  }

  setColumnField(column: number, field: FieldKey | null): void {
    const draft = this.state.draft;
    if (!draft) return;
    const r = editColumn(draft.detection, column, field);
    if (r.ok) this.store.set({ draft: { ...draft, detection: r.detection, error: null } });
    else {
      const key = r.reason === 'personal-number-column' ? 'mapping.error.personal' : 'mapping.error.column';
      this.store.set({ draft: { ...draft, error: this.t(key) } });
    }
  }

  setClaimType(claimType: string): void {
    const draft = this.state.draft;
    if (draft) this.store.set({ draft: { ...draft, claimType: claimType.slice(0, 100) } }); // the protocol's limit
  }

  /** Stores mapping, claim type and ledger id in the workbook: the next open asks nothing. */
  async confirmMapping(): Promise<void> {
    const { draft, sheet, config } = this.state;
    const claimType = draft?.claimType.trim() ?? '';
    if (!draft || !sheet || claimType === '') return;
    const next = { ledgerId: config?.ledgerId ?? newLedgerId(), claimType, mapping: draft.detection };
    try {
      await this.saveConfig(sheet, next);
    } catch (e) {
      this.fail(e);
    }
  }

  private async saveConfig(sheet: SheetRef, config: NonNullable<PaneState['config']>): Promise<void> {
    await saveSheetConfig(this.port, sheet.id, config);
    this.configMoved = false;
    await this.detach();
    if (this.state.flagsShown) await this.port.clearFlags(sheet);
    this.store.set({ config, draft: null, phase: 'ready', flagsShown: false, selected: null });
    this.setCheck({ status: 'idle', progress: 0, result: null, rechecks: 0, headerTouched: false });
  }

  /** 「対応を変更」: the mapping again, starting from the stored one. */
  changeMapping(): void {
    const { config } = this.state;
    if (config) {
      this.store.set({
        phase: 'mapping',
        draft: { detection: config.mapping, claimType: config.claimType, error: null },
      });
    }
  }

  cancelMapping(): void {
    if (this.state.config) this.store.set({ phase: 'ready', draft: null });
  }

  /**
   * Checks the active sheet (re-opening it first when the user moved to another one). `keepFlags`
   * (before a sync) leaves highlights the user cleared cleared.
   */
  check(options: { keepFlags?: boolean } = {}): Promise<CheckSession | null> {
    return this.enqueue(async () => {
      try {
        const active = await this.port.activeSheet();
        if (active.id !== this.state.sheet?.id) await this.open();
      } catch (e) {
        this.setCheck({ status: 'error' });
        this.fail(e);
        return null;
      }
      const flags = !options.keepFlags || this.state.flagsShown || this.state.check.result === null;
      return this.checkSheet(flags);
    });
  }

  /** The sheet as last checked (kept current by edits), or a fresh check when there is none. */
  async checkedSession(): Promise<CheckSession | null> {
    await this.whenIdle();
    return this.session ?? (await this.check({ keepFlags: true }));
  }

  /** Reads and checks the pane's sheet, wherever the user is; `flags`: show the highlights anew. */
  private async checkSheet(flags: boolean): Promise<CheckSession | null> {
    const { sheet, config } = this.state;
    if (!sheet || !config || this.state.phase !== 'ready') return null;
    this.setCheck({ status: 'running', progress: 0 });
    this.store.set({ error: null });
    try {
      const asOf = this.today();
      const options = { asOf, locale: this.state.locale, lateCharges: this.lateChargeProfiles };
      const session = await CheckSession.run(this.port, sheet, config, options, (p) => this.setCheck({ progress: p }));
      this.session = session;
      if (!session) {
        this.store.set({ phase: 'empty' });
        this.setCheck({ status: 'idle' });
        return null;
      }
      if (session.config !== config) this.headerMoved(session.config);
      if (flags) await this.port.showFlags(sheet, flagsOf(session.result.findings), session.area);
      this.store.set({ flagsShown: flags, selected: null });
      this.setCheck({ status: 'done', progress: 1, result: session.result, rechecks: 0, headerTouched: false });
      if (!this.unsubscribe) {
        this.unsubscribe = await this.port.onChanged(sheet, (change) => {
          if (this.session?.sheet.id === sheet.id) void this.edited(change);
        });
      }
      return session;
    } catch (e) {
      if (e instanceof HeaderLostError) return this.headerLost(sheet, config);
      this.setCheck({ status: 'error' });
      this.fail(e);
      return null;
    }
  }

  /** The header moved (or a 個人番号 column appeared): checked as it stands now, stored on the next explicit action. */
  private headerMoved(config: SheetConfig): void {
    this.configMoved = true;
    this.store.set({ config });
  }

  /** The confirmed header is gone: ask for the mapping again, keeping the ledger id and claim type. */
  private async headerLost(sheet: SheetRef, config: SheetConfig): Promise<null> {
    this.session = null;
    this.setCheck({ status: 'idle', progress: 0, result: null, rechecks: 0, headerTouched: false });
    try {
      if (this.state.flagsShown) await this.port.clearFlags(sheet);
      this.store.set({ flagsShown: false, selected: null });
      await this.propose(sheet);
      const draft = this.state.draft;
      if (draft) this.store.set({ draft: { ...draft, claimType: config.claimType } });
      this.store.set({ error: this.t('check.headerLost') });
    } catch (e) {
      this.fail(e);
    }
    return null;
  }

  /** Stores the mapping where the header was found, if it moved; after a send (an explicit action). */
  async saveMovedConfig(): Promise<void> {
    const { sheet, config } = this.state;
    if (this.configMoved && sheet && config) {
      await saveSheetConfig(this.port, sheet.id, config);
      this.configMoved = false;
    }
  }

  /**
   * A change in the sheet (the user's or a co-author's): re-check just its rows, without a full
   * re-read; inserted or deleted rows or columns re-check the whole sheet and rebuild the highlights.
   */
  edited(change: SheetChange | string): Promise<void> {
    const c: SheetChange = typeof change === 'string' ? { address: change, kind: 'edit', remote: false } : change;
    return this.enqueue(async () => {
      const session = this.session;
      if (!session) return;
      try {
        const out = await recheck(this.port, session, c, this.state.flagsShown);
        if (out.structural) {
          await this.checkSheet(this.state.flagsShown);
          return;
        }
        const check = this.state.check;
        this.store.set({ selected: this.stillFound(session, this.state.selected) });
        this.setCheck({
          result: session.result,
          rechecks: check.rechecks + 1,
          headerTouched: check.headerTouched || out.headerTouched,
        });
      } catch (e) {
        this.fail(e);
      }
    });
  }

  /** The selected finding as the re-check left it: the same finding of that row, or null once fixed. */
  private stillFound(session: CheckSession, f: Finding | null): Finding | null {
    if (!f) return null;
    const same = (g: Finding) => g.rule === f.rule && g.field === f.field && g.column === f.column;
    return session.checker.findingsOf(f.row).find(same) ?? null;
  }

  clearFlags(): Promise<void> {
    return this.guard(async () => {
      const { sheet } = this.state;
      if (!sheet) return;
      await this.port.clearFlags(sheet);
      this.store.set({ flagsShown: false });
    });
  }

  showFlags(): Promise<void> {
    return this.guard(async () => {
      const s = this.session;
      if (!s) return;
      await this.port.showFlags(s.sheet, flagsOf(s.result.findings), s.area);
      this.store.set({ flagsShown: true });
    });
  }

  selectFinding(f: Finding): Promise<void> {
    this.store.set({ selected: f });
    return this.guard(async () => {
      const { sheet } = this.state;
      if (!sheet) return;
      const column = columnNumber(f.column) ?? this.session?.area.firstColumn ?? 1;
      await this.port.select(sheet, f.row, column);
    });
  }

  setFilters(patch: Partial<Filters>): void {
    this.store.set({ filters: { ...this.state.filters, ...patch } });
  }

  /** For the 現年度分 / 滞納繰越分 filter. */
  yearKindOf = (row: number): YearKind | null => this.session?.yearKindOf(row) ?? null;

  /** Resolves when queued checks, re-checks and sync actions are done. */
  async whenIdle(): Promise<void> {
    await this.sync.whenIdle();
    await this.queue;
  }

  async dispose(): Promise<void> {
    await this.detach();
  }

  /** Shows a failure as a sentence: the known ones in the user's words, never a stack trace. */
  fail(e: unknown): void {
    this.store.set({ error: this.describe(e) });
  }

  describe(e: unknown): string {
    if (isCellEditError(e)) return this.t('excel.cellEditGaveUp');
    if (e instanceof UnreadableRowError) return this.t('excel.unreadableRow', { row: e.row });
    const message = e instanceof Error ? e.message : String(e);
    return this.t('common.error', { message });
  }

  /** Runs a UI action; a failure is shown, never thrown at React. */
  private async guard(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (e) {
      this.fail(e);
    }
  }

  private setCheck(patch: Partial<CheckView>): void {
    this.store.set((s) => ({ check: { ...s.check, ...patch } }));
  }

  private async detach(): Promise<void> {
    const off = this.unsubscribe;
    this.unsubscribe = null;
    this.session = null;
    if (off) await off();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
