/**
 * 計画 for a division: the claims of its own, one claim's annual plan for the fiscal year (edit and
 * save with the version it was read at), its progress month by month, the monthly review, and the
 * proposal finance wrote for it. The plan's free text and the review are checked for personal data
 * as the hard case is: flagged text is sent only once the user ticks 「個人情報は含まれていません」.
 */
import { fiscalMonths } from '../../domain/plans/milestones.js';
import { SyncError } from '../sync/errors.js';
import type { PlanBody } from './api.js';
import { parseYen, yenProblem, yenText } from './amounts.js';
import type { OversightController } from './controller.js';
import { afterEdit, beforeSend, blockedBy, checkPrivacy, fromFailure, NO_WARNINGS } from './privacy.js';
import type { PlanT, PlanVersionT } from './schemas.js';
import { emptyReview, type Notice, type PlanDraft, type PlanSlice, type ReviewDraft } from './state.js';

const MAX_MEASURES_TEXT = 4000;

export function draftOf(plan: PlanT | null): PlanDraft {
  const milestones: Record<string, string> = {};
  for (const m of plan?.milestones ?? []) milestones[m.month] = yenText(m.outstandingYen);
  return {
    baseline: plan ? yenText(plan.baselineYen) : '',
    target: plan ? yenText(plan.targetYen) : '',
    measureIds: plan?.measureIds ?? [],
    measures: plan?.measures ?? '',
    milestones,
    confirmed: false,
  };
}

/** The plan's text fields as the service names them. */
export const planTexts = (d: PlanDraft): Record<string, string> => ({ measures: d.measures });
export const reviewTexts = (r: ReviewDraft): Record<string, string> => ({
  assessment: r.assessment,
  nextStep: r.nextStep,
});

export type PlanPart = 'baseline' | 'target' | 'measures' | 'milestones';

/** What a version changed from the one before it (history newest first); null for the first version. */
export function changesOf(history: readonly PlanVersionT[], index: number): PlanPart[] | null {
  const v = history[index];
  const prev = history[index + 1];
  if (!v || !prev) return null;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const parts: PlanPart[] = [];
  if (v.baselineYen !== prev.baselineYen) parts.push('baseline');
  if (v.targetYen !== prev.targetYen) parts.push('target');
  if (!same(v.measureIds, prev.measureIds) || v.measures !== prev.measures) parts.push('measures');
  if (!same(v.milestones, prev.milestones)) parts.push('milestones');
  return parts;
}

export class PlanController {
  constructor(private readonly ov: OversightController) {}

  private get slice(): PlanSlice {
    return this.ov.state.plan;
  }

  private set(patch: Partial<PlanSlice>): void {
    this.ov.store.set((s) => ({ plan: { ...s.plan, ...patch } }));
  }

  /** The measure catalogue and the division's claims; the selected claim again if still there. */
  async load(): Promise<void> {
    const api = this.ov.api();
    const fy = this.ov.state.fiscalYear;
    this.set({ busy: true, notice: null });
    try {
      const [catalogue, list] = await Promise.all([api.measures(), api.claims(fy)]);
      this.set({ measures: catalogue.measures, groups: catalogue.groups, claims: list.claims });
      const keep = list.claims.find((c) => c.id === this.slice.claimId) ?? list.claims[0];
      await this.open(keep?.id ?? null);
    } catch (e) {
      this.set({ notice: this.ov.errorNotice(e) });
    } finally {
      this.set({ busy: false });
    }
  }

  selectClaim(claimId: number): Promise<void> {
    return this.ov.track(() => this.open(claimId));
  }

  private async open(claimId: number | null): Promise<void> {
    this.set({ claimId, plan: null, history: [], draft: null, privacy: NO_WARNINGS, progress: null, proposals: [], notice: null }); // prettier-ignore
    if (claimId === null) return;
    const api = this.ov.api();
    const fy = this.ov.state.fiscalYear;
    const [plan, history, progress, proposals] = await Promise.all([
      api.plan(claimId, fy),
      api.planHistory(claimId, fy),
      api.progress(claimId, fy),
      api.claimProposals(claimId),
    ]);
    if (this.slice.claimId !== claimId) return; // another claim was chosen meanwhile
    const draft = draftOf(plan);
    this.set({
      plan,
      history,
      draft,
      // Text already stored may look personal too (an import, an earlier confirm): shown from the start.
      privacy: checkPrivacy(planTexts(draft)),
      progress,
      proposals: proposals.proposals.filter((p) => p.fiscalYear === fy),
      review: { ...this.slice.review, month: progress.check?.referenceMonth ?? this.slice.review.month },
    });
  }

  edit(patch: Partial<PlanDraft>): void {
    const before = this.slice.draft;
    if (!before) return;
    const draft = { ...before, ...patch };
    const c = afterEdit(
      { texts: planTexts(before), privacy: this.slice.privacy },
      planTexts(draft),
      draft.confirmed,
      'confirmed' in patch,
    );
    this.set({ draft: { ...draft, confirmed: c.confirmed }, privacy: c.privacy });
  }

  toggleMeasure(id: string, on: boolean): void {
    const ids = this.slice.draft?.measureIds ?? [];
    this.edit({ measureIds: on ? [...new Set([...ids, id])] : ids.filter((x) => x !== id) });
  }

  setMilestone(month: string, amount: string): void {
    const draft = this.slice.draft;
    if (draft) this.edit({ milestones: { ...draft.milestones, [month]: amount } });
  }

  /** The body to PUT, or the problems that keep it from being sent. */
  body(): { body: PlanBody } | { problems: string[] } {
    const { t } = this.ov;
    const d = this.slice.draft;
    if (!d) return { problems: [] };
    const problems: string[] = [];
    const amount = (text: string, label: string, required: boolean): number => {
      const y = parseYen(text);
      const problem = yenProblem(t, y, label);
      if (problem) problems.push(problem);
      else if (y.ok && y.value === null && required) problems.push(t('ov.plan.required', { what: label }));
      return y.ok ? (y.value ?? 0) : 0;
    };
    const baselineYen = amount(d.baseline, t('ov.plan.baseline'), true);
    const targetYen = amount(d.target, t('ov.plan.target'), true);
    const milestones = fiscalMonths(this.ov.state.fiscalYear).flatMap((month) => {
      const y = parseYen(d.milestones[month] ?? '');
      const problem = yenProblem(t, y, month);
      if (problem) problems.push(problem);
      return y.ok && y.value !== null ? [{ month, outstandingYen: y.value }] : [];
    });
    if (d.measures.trim().length > MAX_MEASURES_TEXT)
      problems.push(t('ov.plan.measuresTooLong', { max: MAX_MEASURES_TEXT }));
    if (problems.length) return { problems };
    const version = this.slice.plan?.version;
    return {
      body: {
        baselineYen,
        targetYen,
        measureIds: d.measureIds,
        measures: d.measures.trim(),
        milestones,
        ...(version === undefined ? {} : { expectedVersion: version }),
        confirmedNoPersonalData: d.confirmed,
      },
    };
  }

  /** 「計画を保存」: PUT with the version read; a conflict tells the user to reload, never overwrites. */
  save(): Promise<void> {
    return this.ov.track(async () => {
      const claimId = this.slice.claimId;
      const draft = this.slice.draft;
      if (claimId === null || !draft) return;
      const privacy = beforeSend(planTexts(draft), this.slice.privacy);
      this.set({ privacy });
      const blocked = blockedBy(privacy, draft.confirmed, this.ov.t);
      if (blocked) return this.set({ notice: blocked });
      const built = this.body();
      if ('problems' in built) {
        return this.set({ notice: { intent: 'error', text: this.ov.t('ov.plan.fix'), details: built.problems } });
      }
      this.set({ busy: true, notice: null });
      try {
        const fy = this.ov.state.fiscalYear;
        const saved = await this.ov.api().savePlan(claimId, fy, built.body);
        const [progress, history] = await Promise.all([
          this.ov.api().progress(claimId, fy),
          this.ov.api().planHistory(claimId, fy),
        ]);
        const key = saved.created ? 'ov.plan.created' : saved.changed ? 'ov.plan.saved' : 'ov.plan.unchanged';
        const notice: Notice = { intent: 'success', text: this.ov.t(key, { version: saved.plan.version }) };
        const next = draftOf(saved.plan);
        const checked = checkPrivacy(planTexts(next));
        // The user's own tick covers the text just saved, until it changes.
        next.confirmed = built.body.confirmedNoPersonalData === true && checked.warnings.length > 0;
        this.set({ plan: saved.plan, history, draft: next, privacy: checked, progress, notice });
        this.markClaim(claimId, saved.plan.version);
      } catch (e) {
        const personal = fromFailure(e, planTexts(draft));
        if (personal) {
          const current = this.slice.draft;
          if (current) this.set({ draft: { ...current, confirmed: false } });
          return this.set({ privacy: personal.privacy, notice: personal.notice });
        }
        const conflict = e instanceof SyncError && e.code === 'version-conflict';
        this.set({ notice: { ...this.ov.errorNotice(e), ...(conflict ? { intent: 'warning' as const } : {}) } });
      } finally {
        this.set({ busy: false });
      }
    });
  }

  /** 「最新を読み込む」: the plan as the service has it now (drops the unsaved edit). */
  reload(): Promise<void> {
    return this.ov.track(() => this.open(this.slice.claimId));
  }

  editReview(patch: Partial<Omit<ReviewDraft, 'privacy'>>): void {
    const before = this.slice.review;
    const next = { ...before, ...patch };
    const c = afterEdit(
      { texts: reviewTexts(before), privacy: before.privacy },
      reviewTexts(next),
      next.confirmed,
      'confirmed' in patch,
    );
    this.set({ review: { ...next, ...c } });
  }

  /** 「振り返りを記録」 for the chosen month. */
  addReview(): Promise<void> {
    return this.ov.track(async () => {
      const claimId = this.slice.claimId;
      const r = this.slice.review;
      if (claimId === null) return;
      if (r.assessment.trim() === '' || r.nextStep.trim() === '') {
        return this.set({ notice: { intent: 'error', text: this.ov.t('ov.review.required') } });
      }
      const privacy = beforeSend(reviewTexts(r), r.privacy);
      this.set({ review: { ...r, privacy } });
      const blocked = blockedBy(privacy, r.confirmed, this.ov.t);
      if (blocked) return this.set({ notice: blocked });
      this.set({ busy: true, notice: null });
      try {
        await this.ov.api().addReview(claimId, {
          month: r.month,
          assessment: r.assessment.trim(),
          nextStep: r.nextStep.trim(),
          confirmedNoPersonalData: r.confirmed,
        });
        const progress = await this.ov.api().progress(claimId, this.ov.state.fiscalYear);
        this.set({
          progress,
          review: emptyReview(r.month),
          notice: { intent: 'success', text: this.ov.t('ov.review.saved') },
        });
      } catch (e) {
        const personal = fromFailure(e, reviewTexts(r));
        if (personal) {
          this.set({ review: { ...this.slice.review, privacy: personal.privacy, confirmed: false } });
          this.set({ notice: personal.notice });
        } else this.set({ notice: this.ov.errorNotice(e) });
      } finally {
        this.set({ busy: false });
      }
    });
  }

  private markClaim(claimId: number, version: number): void {
    this.set({ claims: this.slice.claims.map((c) => (c.id === claimId ? { ...c, planVersion: version } : c)) });
  }
}
