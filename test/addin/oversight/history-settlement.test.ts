// @vitest-environment jsdom
// The plan's version history in 計画, and finance's 決算の確定 (見込 → 確定) in 取りまとめ.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { changesOf } from '../../../addin/oversight/plan-controller.js';
import type { PlanVersionT } from '../../../addin/oversight/schemas.js';
import { served } from './consolidation-fixtures.js';
import { FakeOversight } from './fake-oversight.js';
import { renderOversight, settle } from './render-oversight.js';
import { oversightFor } from './setup.js';

afterEach(cleanup);

const version = (v: number, patch: Partial<PlanVersionT> = {}): PlanVersionT => ({
  version: v,
  baselineYen: 100,
  targetYen: 90,
  measureIds: ['early-dunning'],
  measures: '',
  milestones: [],
  changedAt: '2024-06-01T00:00:00Z',
  changedBy: null,
  ...patch,
});

describe('changesOf', () => {
  it('names what each version changed from the one before; the first one was filed', () => {
    const history = [
      version(3, { measures: '電話催告', milestones: [{ month: '2024-12', outstandingYen: 80 }] }),
      version(2, { targetYen: 80 }),
      version(1),
    ];
    expect(changesOf(history, 2)).toBeNull();
    expect(changesOf(history, 1)).toEqual(['target']);
    expect(changesOf(history, 0)).toEqual(['target', 'measures', 'milestones']);
    expect(changesOf([version(2), version(1)], 0)).toEqual([]);
  });
});

describe('the plan’s history in 計画', () => {
  it('lists the versions, newest first, and shows the new one after saving', async () => {
    const service = new FakeOversight();
    const { ov } = await renderOversight(service);
    const history = () => screen.getByRole('region', { name: '計画の変更履歴' });
    expect(
      within(history())
        .getAllByTestId('plan-version')
        .map((li) => li.textContent),
    ).toEqual(['第1版・2024-06-01・所管課: 登録（目標 310,304,030円）']);
    expect(service.requests.map((r) => r.path)).toContain('/api/v1/claims/101/plans/2024/history');

    fireEvent.click(screen.getByRole('checkbox', { name: /段階的な催告の強化/ }));
    fireEvent.change(screen.getByLabelText('2024年12月'), { target: { value: '320,000,000' } });
    await settle(ov, () => fireEvent.click(screen.getByRole('button', { name: '計画を保存' })));
    expect(
      within(history())
        .getAllByTestId('plan-version')
        .map((li) => li.textContent),
    ).toEqual([
      '第2版・2024-11-11・所管課: 取組み・月別目標を変更（目標 310,304,030円）',
      '第1版・2024-06-01・所管課: 登録（目標 310,304,030円）',
    ]);
  });

  it('shows no history for a claim without a plan (the service answers 404)', async () => {
    const service = new FakeOversight();
    const { ov } = await renderOversight(service);
    await settle(ov, () => fireEvent.change(screen.getByLabelText('債権'), { target: { value: '102' } }));
    expect(screen.queryByRole('region', { name: '計画の変更履歴' })).toBeNull();
    expect(ov.state.plan.notice).toBeNull();
  });
});

describe('決算の確定 (finance)', () => {
  it('asks first, sends nothing on cancel, then marks last year final and says to re-run 取りまとめ', async () => {
    const service = served('finance');
    const { ov } = await renderOversight(service);
    const box = () => screen.getByRole('region', { name: '前年度決算' });
    expect(box().textContent).toContain('2023年度（令和5年度）の決算は見込です。');
    fireEvent.click(within(box()).getByRole('button', { name: '令和5年度決算を確定' }));
    const dialog = screen.getByRole('alertdialog', { name: '前年度決算' });
    expect(dialog.textContent).toContain('前年度決算額を変更できなくなります');
    await settle(ov, () => fireEvent.click(within(dialog).getByRole('button', { name: 'キャンセル' })));
    expect(service.writes()).toEqual([]);
    expect(screen.queryByRole('alertdialog')).toBeNull();

    fireEvent.click(within(box()).getByRole('button', { name: '令和5年度決算を確定' }));
    await settle(ov, () => fireEvent.click(screen.getByRole('button', { name: '確定する' })));
    expect(service.writes()).toEqual([{ method: 'POST', path: '/api/v1/settlements/2023', body: {} }]);
    expect(box().textContent).toContain('2023年度（令和5年度）の決算は確定しています。');
    expect(within(box()).queryByRole('button')).toBeNull();
    expect(
      screen.getByText(/「取りまとめ」をもう一度押すと、局別目標表の見出しが「令和5年度決算 ①」になります。/),
    ).toBeTruthy();
  });

  it('is not offered to accounting, and the controller sends nothing without the confirmation', async () => {
    await renderOversight(served('accounting'));
    expect(screen.queryByRole('region', { name: '前年度決算' })).toBeNull();
    cleanup();

    const service = served('finance');
    const ov = oversightFor(service.fetch);
    await ov.start();
    await ov.review.settle();
    expect(service.writes()).toEqual([]);
  });

  it('shows the service’s refusal and keeps the estimate', async () => {
    const service = served('finance');
    const { ov } = await renderOversight(service);
    service.who = { role: 'accounting', bureau: '子ども青少年局', division: null }; // the token lost its role meanwhile
    fireEvent.click(screen.getByRole('button', { name: '令和5年度決算を確定' }));
    await settle(ov, () => fireEvent.click(screen.getByRole('button', { name: '確定する' })));
    expect(screen.getByText('この操作の権限がありません。')).toBeTruthy();
    expect(screen.getByRole('region', { name: '前年度決算' }).textContent).toContain('見込です');
    expect(ov.state.review.settle).toBe('idle');
  });
});
