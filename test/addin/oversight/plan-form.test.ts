// @vitest-environment jsdom
// 計画 as a division meets it: the claim's plan in the form, saved; progress by month; the review; the proposal.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { act, render } from '@testing-library/react';
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { App } from '../../../addin/ui/index.js';
import { PaneController } from '../../../addin/state/pane-controller.js';
import { FakePort } from '../fake-port.js';
import { hoikuryo, memoryStorage } from '../ledger.js';
import { FakeOversight } from './fake-oversight.js';
import { renderOversight, settle } from './render-oversight.js';

afterEach(cleanup);

const input = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;

describe('plan form', () => {
  it('shows the claim’s plan, saves the edit and says which version it became', async () => {
    const service = new FakeOversight();
    const { ov } = await renderOversight(service);
    expect(screen.getByText(/子ども青少年局 保育運営課（所管課）/)).toBeTruthy();
    const form = screen.getByRole('form', { name: '年間計画' });
    expect(input('前年度決算額（円）').value).toBe('344,571,093');
    expect(input('年度末の目標額（円）').value).toBe('310,304,030');
    expect(within(form).getByText('前年度の決算が確定するまでは見込額です。')).toBeTruthy();
    const early = within(form).getByRole('checkbox', { name: '滞納初期の催告' }) as HTMLInputElement;
    expect(early.checked).toBe(true);

    fireEvent.change(input('年度末の目標額（円）'), { target: { value: '300,000,000' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: /段階的な催告の強化/ }));
    fireEvent.change(input('2024年12月'), { target: { value: '320,000,000' } });
    await settle(ov, () => fireEvent.click(screen.getByRole('button', { name: '計画を保存' })));

    expect(service.writes()[0]!.body).toMatchObject({
      targetYen: 300_000_000,
      measureIds: ['early-dunning', 'staged-escalation'],
      milestones: [
        { month: '2024-09', outstandingYen: 330_000_000 },
        { month: '2024-12', outstandingYen: 320_000_000 },
      ],
      expectedVersion: 1,
    });
    expect(screen.getByText('年間計画を保存しました（第2版）。変更の履歴も残ります。')).toBeTruthy();
  });

  it('names the problem and sends nothing when an amount is not yen', async () => {
    const service = new FakeOversight();
    const { ov } = await renderOversight(service);
    fireEvent.change(input('年度末の目標額（円）'), { target: { value: '約3億' } });
    await settle(ov, () => fireEvent.click(screen.getByRole('button', { name: '計画を保存' })));
    expect(service.writes()).toEqual([]);
    expect(screen.getByText('年度末の目標額（円）は円単位の数字で入力してください（例: 1,234,567）。')).toBeTruthy();
  });

  it('shows progress month by month, records a review, and shows finance’s proposal', async () => {
    const service = new FakeOversight();
    const { ov } = await renderOversight(service);
    const table = screen.getByRole('table', { name: '進捗（月別）' });
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    expect(screen.getByText('現在の未収金額 350,000,000円（基準日 2024-10-31）')).toBeTruthy();
    expect(screen.getAllByText('未収金増加').length).toBeGreaterThan(0);
    expect(screen.getByTestId('proposal').textContent).toContain('滞納初期の電話催告を強化してください。');

    const review = screen.getByRole('form', { name: '月次の振り返り' });
    fireEvent.change(within(review).getByLabelText('評価（振り返り）'), { target: { value: '前年より増加' } });
    fireEvent.change(within(review).getByLabelText('次の取組み'), { target: { value: '集中催告' } });
    await settle(ov, () => fireEvent.click(within(review).getByRole('button', { name: '振り返りを記録' })));
    expect(service.writes()[0]).toMatchObject({ path: '/api/v1/claims/101/reviews', body: { month: '2024-10' } });
    expect(screen.getByText('振り返りを記録しました。')).toBeTruthy();
  });

  it('switching the claim loads that claim; one without a plan says how to file it', async () => {
    const service = new FakeOversight();
    const { ov } = await renderOversight(service);
    await settle(ov, () => fireEvent.change(screen.getByLabelText('債権'), { target: { value: '102' } }));
    expect(screen.getByText(/この年度の年間計画はまだありません/)).toBeTruthy();
    expect(input('前年度決算額（円）').value).toBe('');
  });
});

describe('the workspace in the pane', () => {
  it('keeps an unsaved edit when the user looks at 台帳 and comes back', async () => {
    const service = new FakeOversight();
    const { ov } = await renderOversight(service);
    fireEvent.change(input('年度末の目標額（円）'), { target: { value: '299,000,000' } });
    const requests = service.requests.length;
    await settle(ov, () => fireEvent.click(screen.getByRole('tab', { name: /^台帳/ })));
    await settle(ov, () => fireEvent.click(screen.getByRole('tab', { name: /^計画・取りまとめ/ })));
    expect(input('年度末の目標額（円）').value).toBe('299,000,000');
    expect(service.requests.length).toBe(requests);
  });

  it('keeps the ledger pane first and asks for settings before anything else', async () => {
    const pane = new PaneController(new FakePort(hoikuryo()), { storage: memoryStorage() });
    const renderer = createDOMRenderer(document.implementation.createHTMLDocument('styles'));
    render(createElement(RendererProvider, { renderer, children: createElement(App, { controller: pane }) }));
    await act(() => pane.start());
    expect(screen.getByRole('tab', { name: /^台帳/, selected: true })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /債権の種類/ })).toBeTruthy(); // the mapping step, as before
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: /^計画・取りまとめ/ }));
    });
    expect(screen.getByText(/計画や取りまとめを使うには/)).toBeTruthy();
    expect(screen.getByRole('form', { name: 'サービスの設定' })).toBeTruthy();
  });
});
