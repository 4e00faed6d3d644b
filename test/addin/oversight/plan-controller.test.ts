/** 計画 without a DOM: a division loads its claims, edits and saves a plan, records a review. */
import { describe, expect, it } from 'vitest';
import { FakeOversight } from './fake-oversight.js';
import { oversightFor } from './setup.js';

async function started(service = new FakeOversight()) {
  const ov = oversightFor(service.fetch);
  await ov.start();
  await ov.whenIdle();
  return { ov, service };
}

describe('plan edit flow', () => {
  it('knows the role, defaults to the current fiscal year and opens the first claim’s plan', async () => {
    const { ov, service } = await started();
    expect(ov.state.role).toBe('division');
    expect(ov.state.fiscalYear).toBe(2024);
    const p = ov.state.plan;
    expect(p.claims.map((c) => [c.name, c.planVersion])).toEqual([
      ['保育料', 1],
      ['一時保育利用料', null],
    ]);
    expect(p.measures.length).toBeGreaterThan(10);
    expect(p.claimId).toBe(101);
    expect(p.draft).toEqual({
      baseline: '344,571,093',
      target: '310,304,030',
      measureIds: ['early-dunning'],
      measures: '文書催告と電話催告',
      milestones: { '2024-09': '330,000,000' },
      confirmed: false,
    });
    expect(p.proposals.map((x) => x.body)).toEqual(['滞納初期の電話催告を強化してください。']);
    expect(p.review.month).toBe('2024-10'); // the progress's reference month
    expect(service.writes()).toEqual([]);
  });

  it('saves the edited plan with the version it was read at, amounts in yen, only filled months', async () => {
    const { ov, service } = await started();
    ov.plans.edit({ target: '３００，０００，０００円', measures: '  集中催告期間を設ける  ' });
    ov.plans.toggleMeasure('staged-escalation', true);
    ov.plans.toggleMeasure('early-dunning', false);
    ov.plans.setMilestone('2024-12', '320,000,000');
    ov.plans.setMilestone('2025-03', '');
    await ov.plans.save();
    const put = service.writes()[0]!;
    expect(put).toMatchObject({ method: 'PUT', path: '/api/v1/claims/101/plans/2024' });
    expect(put.body).toEqual({
      baselineYen: 344_571_093,
      targetYen: 300_000_000,
      measureIds: ['staged-escalation'],
      measures: '集中催告期間を設ける',
      milestones: [
        { month: '2024-09', outstandingYen: 330_000_000 },
        { month: '2024-12', outstandingYen: 320_000_000 },
      ],
      expectedVersion: 1,
      confirmedNoPersonalData: false,
    });
    expect(ov.state.plan.notice).toMatchObject({ intent: 'success', text: expect.stringContaining('第2版') });
    expect(ov.state.plan.plan?.version).toBe(2);
    expect(ov.state.plan.draft?.target).toBe('300,000,000');
  });

  it('files a new plan for a claim without one (no expectedVersion)', async () => {
    const { ov, service } = await started();
    await ov.plans.selectClaim(102);
    expect(ov.state.plan.plan).toBeNull();
    expect(ov.state.plan.draft?.baseline).toBe('');
    ov.plans.edit({ baseline: '1200000', target: '1000000' });
    await ov.plans.save();
    expect(service.writes()[0]!.body).not.toHaveProperty('expectedVersion');
    expect(ov.state.plan.notice?.text).toContain('登録しました');
    expect(ov.state.plan.claims.find((c) => c.id === 102)?.planVersion).toBe(1);
  });

  it('sends nothing while an amount is unreadable or missing, and says which', async () => {
    const { ov, service } = await started();
    ov.plans.edit({ baseline: '', target: '3億円' });
    ov.plans.setMilestone('2024-10', '12.5');
    await ov.plans.save();
    expect(service.writes()).toEqual([]);
    expect(ov.state.plan.notice?.intent).toBe('error');
    expect(ov.state.plan.notice?.details).toEqual([
      '前年度決算額（円）を入力してください。',
      '年度末の目標額（円）は円単位の数字で入力してください（例: 1,234,567）。',
      '2024-10は円単位の数字で入力してください（例: 1,234,567）。',
    ]);
  });

  it('names the limit for an amount above 9,999億9,999万9,999円 and sends nothing', async () => {
    const { ov, service } = await started();
    ov.plans.edit({ target: '1,000,000,000,000' });
    ov.plans.setMilestone('2024-10', '999,999,999,999');
    await ov.plans.save();
    expect(service.writes()).toEqual([]);
    expect(ov.state.plan.notice?.details).toEqual([
      '年度末の目標額（円）は 9,999億9,999万9,999円 以下で入力してください。',
    ]);
  });

  it('shows the service’s version conflict, keeps the edit, and reloads on request', async () => {
    const { ov, service } = await started();
    ov.plans.edit({ target: '299,000,000' });
    service.conflictNext = true;
    await ov.plans.save();
    expect(ov.state.plan.notice).toMatchObject({
      intent: 'warning',
      text: expect.stringContaining('他の人が先に更新'),
    });
    expect(ov.state.plan.draft?.target).toBe('299,000,000');
    await ov.plans.reload();
    expect(ov.state.plan.draft?.target).toBe('310,304,030');
  });

  it('records the monthly review and reloads the progress', async () => {
    const { ov, service } = await started();
    await ov.plans.addReview();
    expect(service.writes()).toEqual([]); // empty review
    ov.plans.editReview({ assessment: '目標より4千万円多い', nextStep: '11月に集中催告' });
    await ov.plans.addReview();
    expect(service.writes()[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/claims/101/reviews',
      body: { month: '2024-10', assessment: '目標より4千万円多い', nextStep: '11月に集中催告' },
    });
    expect(ov.state.plan.review.assessment).toBe('');
    expect(ov.state.plan.notice?.intent).toBe('success');
  });

  it('changing the fiscal year reloads the claims and the plan for that year', async () => {
    const { ov } = await started();
    await ov.setFiscalYear(2025);
    expect(ov.state.fiscalYear).toBe(2025);
    expect(ov.state.plan.plan).toBeNull();
    expect(ov.state.plan.proposals).toEqual([]);
  });

  it('asks for settings first, and says the service’s refusal in its own words', async () => {
    const service = new FakeOversight();
    const ov = oversightFor(service.fetch, { token: '' });
    await ov.start();
    expect(ov.state.notice?.text).toContain('アクセストークン');
    expect(service.requests).toEqual([]);
    const failing: typeof fetch = async () =>
      new Response(JSON.stringify({ code: 'unauthorized', message: 'トークンが無効です。' }), { status: 401 });
    const ov2 = oversightFor(failing);
    await ov2.start();
    expect(ov2.state).toMatchObject({ status: 'error', notice: { intent: 'error', text: 'トークンが無効です。' } });
  });
});
