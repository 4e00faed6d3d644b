/**
 * 取りまとめ's lists for accounting (its bureau) and finance (the city): submission status with the
 * chase list, claims that grow or lag their plan with the division's review, improvement proposals
 * (finance writes them), and hard cases to answer. Proposals and answers get the same personal-data
 * check as the division's forms.
 */
import type { OversightController } from './controller.js';
import { afterEdit, beforeSend, blockedBy, checkPrivacy, fromFailure, NO_WARNINGS } from './privacy.js';
import type { AnswerDraft, Notice, ProposalDraft, ReviewSlice } from './state.js';

const proposalTexts = (d: ProposalDraft): Record<string, string> => ({ body: d.body });
const answerTexts = (d: AnswerDraft): Record<string, string> => ({ policy: d.policy });

/** The Reiwa year of a fiscal year (2023 → 5), as the bureau table heads it. */
export const reiwa = (fy: number): number => fy - 2018;

export class ReviewController {
  constructor(private readonly ov: OversightController) {}

  private get slice(): ReviewSlice {
    return this.ov.state.review;
  }

  private set(patch: Partial<ReviewSlice>): void {
    this.ov.store.set((s) => ({ review: { ...s.review, ...patch } }));
  }

  async load(): Promise<void> {
    const api = this.ov.api();
    const fy = this.ov.state.fiscalYear;
    this.set({ busy: true, notice: null });
    try {
      const [submissions, flagged, proposals, cases] = await Promise.all([
        api.submissions(fy),
        api.flaggedClaims(fy, true),
        api.proposals(fy),
        api.hardCases(),
      ]);
      this.set({ submissions, flagged, proposals: proposals.proposals, cases: cases.hardCases });
    } catch (e) {
      this.set({ notice: this.ov.errorNotice(e) });
    } finally {
      this.set({ busy: false });
    }
  }

  refresh(): Promise<void> {
    return this.ov.track(() => this.load());
  }

  /** 「提案を書く」/「提案を直す」 (finance): starts from the claim's current proposal, if any. */
  editProposal(claimId: number): void {
    const current = this.slice.proposals.find((p) => p.claimId === claimId);
    const flagged = this.slice.flagged?.claims.find((c) => c.claim.id === claimId);
    const body = current?.body ?? '';
    this.set({
      proposal: {
        claimId,
        reasons: current?.reasons ?? flagged?.reasons ?? [],
        body,
        version: current?.version ?? null,
        confirmed: false,
        privacy: checkPrivacy({ body }),
      },
      notice: null,
    });
  }

  changeProposal(patch: Partial<Omit<ProposalDraft, 'privacy'>>): void {
    const d = this.slice.proposal;
    if (!d) return;
    const next = { ...d, ...patch };
    const c = afterEdit({ texts: proposalTexts(d), privacy: d.privacy }, proposalTexts(next), next.confirmed, 'confirmed' in patch); // prettier-ignore
    this.set({ proposal: { ...next, ...c } });
  }

  cancelProposal(): void {
    this.set({ proposal: null });
  }

  /** POST a new proposal, PUT a revision with the version it was read at. */
  saveProposal(): Promise<void> {
    return this.ov.track(async () => {
      const d = this.slice.proposal;
      if (!d) return;
      if (d.body.trim() === '') {
        return this.set({ notice: { intent: 'error', text: this.ov.t('ov.proposal.required') } });
      }
      const privacy = beforeSend(proposalTexts(d), d.privacy);
      this.set({ proposal: { ...d, privacy } });
      const blocked = blockedBy(privacy, d.confirmed, this.ov.t);
      if (blocked) return this.set({ notice: blocked });
      this.set({ busy: true, notice: null });
      try {
        const body = {
          fiscalYear: this.ov.state.fiscalYear,
          reasons: d.reasons,
          body: d.body.trim(),
          ...(d.version === null ? {} : { expectedVersion: d.version }),
          confirmedNoPersonalData: d.confirmed,
        };
        await this.ov.api().saveProposal(d.claimId, body, d.version === null);
        this.set({ proposal: null });
        await this.load();
        this.set({ notice: { intent: 'success', text: this.ov.t('ov.proposal.saved') } });
      } catch (e) {
        const personal = fromFailure(e, proposalTexts(d));
        const now = this.slice.proposal;
        if (personal && now) {
          this.set({ proposal: { ...now, privacy: personal.privacy, confirmed: false }, notice: personal.notice });
        } else this.set({ notice: this.ov.errorNotice(e) });
      } finally {
        this.set({ busy: false });
      }
    });
  }

  /** Whether ① of this fiscal year (last year's settlement) is still an estimate (見込). */
  baselineEstimated(): boolean {
    return !this.slice.flagged?.baselineSettled;
  }

  /** 「決算を確定」 (finance): asks first, since it cannot be undone from the pane. */
  askSettle(): void {
    this.set({ settle: 'confirm' });
  }

  cancelSettle(): void {
    this.set({ settle: 'idle' });
  }

  /**
   * Marks last fiscal year's settlement final; the bureau table heads ① without (見込) from the next
   * 取りまとめ. Its outcome shows beside the 取りまとめ button, which the next run replaces.
   */
  settle(): Promise<void> {
    return this.ov.track(async () => {
      if (this.slice.settle !== 'confirm' || this.ov.state.role !== 'finance') return;
      const fy = this.ov.state.fiscalYear - 1;
      const say = (notice: Notice) => this.ov.store.set((s) => ({ consolidation: { ...s.consolidation, notice } }));
      this.set({ settle: 'sending' });
      try {
        await this.ov.api().settle(fy);
        await this.load();
        say({ intent: 'success', text: this.ov.t('ov.settle.done', { fy, era: reiwa(fy) }) });
      } catch (e) {
        say(this.ov.errorNotice(e));
      } finally {
        this.set({ settle: 'idle' });
      }
    });
  }

  startAnswer(caseId: number): void {
    this.set({ answer: { caseId, policy: '', confirmed: false, privacy: NO_WARNINGS }, notice: null });
  }

  changeAnswer(patch: Partial<Pick<AnswerDraft, 'policy' | 'confirmed'>>): void {
    const d = this.slice.answer;
    if (!d) return;
    const next = { ...d, ...patch };
    const c = afterEdit({ texts: answerTexts(d), privacy: d.privacy }, answerTexts(next), next.confirmed, 'confirmed' in patch); // prettier-ignore
    this.set({ answer: { ...next, ...c } });
  }

  cancelAnswer(): void {
    this.set({ answer: null });
  }

  /** 「回答する」: a handling policy, checked for personal data like the division's case. */
  answer(): Promise<void> {
    return this.ov.track(async () => {
      const d = this.slice.answer;
      if (!d) return;
      const { t } = this.ov;
      const privacy = beforeSend(answerTexts(d), d.privacy);
      this.set({ answer: { ...d, privacy } });
      if (d.policy.trim() === '') return this.set({ notice: { intent: 'error', text: t('ov.answer.required') } });
      const blocked = blockedBy(privacy, d.confirmed, t);
      if (blocked) return this.set({ notice: blocked });
      this.set({ busy: true, notice: null });
      try {
        const saved = (await this.ov.api().answerHardCase(d.caseId, d.policy, d.confirmed)).hardCase;
        this.set({
          answer: null,
          cases: this.slice.cases.map((c) => (c.id === saved.id ? saved : c)),
          notice: { intent: 'success', text: t('ov.answer.saved') },
        });
      } catch (e) {
        const personal = fromFailure(e, answerTexts(d));
        if (personal) {
          this.set({ answer: { ...d, privacy: personal.privacy, confirmed: false }, notice: personal.notice });
        } else this.set({ notice: this.ov.errorNotice(e) });
      } finally {
        this.set({ busy: false });
      }
    });
  }

  close(caseId: number): Promise<void> {
    return this.ov.track(async () => {
      try {
        const closed = (await this.ov.api().closeHardCase(caseId)).hardCase;
        this.set({ cases: this.slice.cases.map((c) => (c.id === caseId ? closed : c)) });
      } catch (e) {
        this.set({ notice: this.ov.errorNotice(e) });
      }
    });
  }
}
