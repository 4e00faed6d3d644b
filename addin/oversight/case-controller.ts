/**
 * 処理困難事案 for a division: the form (claim, amounts, dates, what was tried, the question), the
 * personal-data check run in the pane as the user types and again before sending, and the division's
 * own cases with their status and answer. Flagged text is sent only once the user ticks
 * 「個人情報は含まれていません」 (never a My Number); nothing is stripped: the user edits or confirms.
 */
import { parseYen, yenProblem } from './amounts.js';
import type { HardCaseBody } from './api.js';
import type { OversightController } from './controller.js';
import { afterEdit, beforeSend, blockedBy, fromFailure, NO_WARNINGS } from './privacy.js';
import { emptyCaseDraft, type CaseDraft, type CaseSlice } from './state.js';

/** The text fields the service scans, by their API names. */
export const CASE_TEXT_FIELDS = ['title', 'tried', 'question'] as const;

export const caseTexts = (d: CaseDraft): Record<string, string> => ({
  title: d.title,
  tried: d.tried,
  question: d.question,
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CaseController {
  constructor(private readonly ov: OversightController) {}

  private get slice(): CaseSlice {
    return this.ov.state.cases;
  }

  private set(patch: Partial<CaseSlice>): void {
    this.ov.store.set((s) => ({ cases: { ...s.cases, ...patch } }));
  }

  async load(): Promise<void> {
    this.set({ notice: null }); // an earlier 「送りました」 does not outlive a reload
    try {
      this.set({ list: (await this.ov.api().hardCases()).hardCases });
    } catch (e) {
      this.set({ notice: this.ov.errorNotice(e) });
    }
  }

  refresh(): Promise<void> {
    return this.ov.track(() => this.load());
  }

  /**
   * An edit: a changed text is checked again; the tick stays only while the flagged text is what the
   * user confirmed. Ticking alone keeps the warnings as they are (the service's, after a 422).
   */
  edit(patch: Partial<CaseDraft>): void {
    const before = this.slice;
    const draft = { ...before.draft, ...patch };
    const c = afterEdit(
      { texts: caseTexts(before.draft), privacy: before.privacy },
      caseTexts(draft),
      draft.confirmed,
      'confirmed' in patch,
    );
    this.set({ draft: { ...draft, confirmed: c.confirmed }, privacy: c.privacy });
  }

  /** The body to send, or the problems that keep it from being sent. */
  private body(d: CaseDraft): { body: HardCaseBody } | { problems: string[] } {
    const { t } = this.ov;
    const problems: string[] = [];
    if (d.claimId === null) problems.push(t('ov.case.needClaim'));
    if (d.title.trim() === '') problems.push(t('ov.plan.required', { what: t('ov.case.title') }));
    if (d.tried.trim() === '') problems.push(t('ov.plan.required', { what: t('ov.case.tried') }));
    if (d.question.trim() === '') problems.push(t('ov.plan.required', { what: t('ov.case.question') }));
    const yen = (text: string, what: string) => {
      const y = parseYen(text);
      const problem = yenProblem(t, y, what);
      if (problem) problems.push(problem);
      return y.ok ? y.value : null;
    };
    const assessedYen = yen(d.assessedYen, t('ov.case.assessed'));
    const outstandingYen = yen(d.outstandingYen, t('ov.case.outstanding'));
    const day = (s: string, what: string) => {
      if (s !== '' && !DAY.test(s)) problems.push(t('ov.case.badDay', { what }));
      return s === '' ? null : s;
    };
    const dueDate = day(d.dueDate, t('ov.case.dueDate'));
    const lastContactDate = day(d.lastContactDate, t('ov.case.lastContact'));
    if (problems.length || d.claimId === null) return { problems };
    return {
      body: {
        claimId: d.claimId,
        title: d.title,
        assessedYen,
        outstandingYen,
        dueDate,
        lastContactDate,
        tried: d.tried,
        question: d.question,
        confirmedNoPersonalData: d.confirmed,
      },
    };
  }

  /** 「送信」: checked in the pane first; the service's 422 is shown the same way. */
  send(): Promise<void> {
    return this.ov.track(async () => {
      const { t } = this.ov;
      const draft = this.slice.draft;
      // The service's warnings on the same text stand even where the pane's check finds nothing.
      const privacy = beforeSend(caseTexts(draft), this.slice.privacy);
      this.set({ privacy });
      const blocked = blockedBy(privacy, draft.confirmed, t);
      if (blocked) return this.set({ notice: blocked });
      const built = this.body(draft);
      if ('problems' in built) {
        return this.set({ notice: { intent: 'error', text: t('ov.plan.fix'), details: built.problems } });
      }
      this.set({ busy: true, notice: null });
      try {
        const saved = await this.ov.api().sendHardCase(built.body);
        this.set({
          draft: emptyCaseDraft(),
          privacy: NO_WARNINGS,
          list: [saved.hardCase, ...this.slice.list.filter((c) => c.id !== saved.hardCase.id)],
          notice: { intent: 'success', text: t('ov.case.sent') },
        });
      } catch (e) {
        const personal = fromFailure(e, caseTexts(draft));
        if (personal) {
          this.set({ privacy: personal.privacy, draft: { ...draft, confirmed: false }, notice: personal.notice });
        } else this.set({ notice: this.ov.errorNotice(e) });
      } finally {
        this.set({ busy: false });
      }
    });
  }

  /** 終了 (or 取り下げ before an answer): the division may close its own case. */
  close(caseId: number): Promise<void> {
    return this.ov.track(async () => {
      try {
        const closed = (await this.ov.api().closeHardCase(caseId)).hardCase;
        this.set({
          list: this.slice.list.map((c) => (c.id === caseId ? closed : c)),
          notice: { intent: 'success', text: this.ov.t('ov.case.closed') },
        });
      } catch (e) {
        this.set({ notice: this.ov.errorNotice(e) });
      }
    });
  }
}
