// @vitest-environment jsdom
// 「チェック」 as staff meet it: summary, findings, filters, highlights, edits re-checked in place.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { FakePort } from '../fake-port.js';
import { hoikuryo } from '../ledger.js';
import { mappedDoc, renderPane, settle } from './render-pane.js';

afterEach(cleanup);

async function checked(grid = hoikuryo()) {
  const doc = await mappedDoc(new FakePort(grid));
  const port = new FakePort(grid, { doc });
  const pane = await renderPane(port);
  await settle(pane.controller, () => fireEvent.click(screen.getByRole('button', { name: 'チェック' })));
  return { port, ...pane };
}

const items = () => [...document.querySelectorAll<HTMLButtonElement>('[data-testid="findings-list"] button')];
const severityCounts = () =>
  within(screen.getByLabelText('重要度別'))
    .getAllByText(/\d/)
    .map((e) => e.textContent);

describe('check', () => {
  it('shows the summary by severity and rule, and the findings', async () => {
    const { port } = await checked();
    expect(severityCounts()).toEqual(['エラー 4', '警告 6', '情報 1']);
    const byRule = screen.getByLabelText('ルール別');
    expect(within(byRule).getByRole('button', { name: '経過記録の途絶' })).toBeTruthy();
    expect(within(byRule).getByText('CONTACT_STALE')).toBeTruthy();
    expect(byRule.querySelector('[data-rule="CONTACT_STALE"]')?.textContent).toBe('3');
    expect(screen.getByText('11件を表示（全11件）')).toBeTruthy();
    const first = items()[0]!;
    expect(first.dataset.row).toBe('4');
    expect(first.textContent).toContain('4行 K列'); // CONTACT_STALE, on 納付相談日 (最終交渉日)
    expect(port.callsOf('showFlags')).toHaveLength(1);
  });

  it('names each rule by its title, the id small beside or under it; in English on English Office', async () => {
    const { controller } = await checked();
    const item = items().find((b) => b.dataset.rule === 'DEMAND_LATE')!;
    expect(item.textContent).toContain('督促状の発付遅れDEMAND_LATE');
    await settle(controller, () => fireEvent.click(item));
    expect(screen.getByTestId('finding-detail').textContent).toContain('督促状の発付遅れDEMAND_LATE');
    const options = [...screen.getByLabelText<HTMLSelectElement>('ルール').options];
    expect(options.find((o) => o.value === 'DEMAND_MISSING')?.textContent).toBe('督促状の未発付');
    cleanup();

    const grid = hoikuryo();
    const port = new FakePort(grid, { doc: await mappedDoc(new FakePort(grid)), language: 'en-US' });
    const pane = await renderPane(port);
    await settle(pane.controller, () => fireEvent.click(screen.getByRole('button', { name: 'Check' })));
    expect(within(screen.getByLabelText('By rule')).getByRole('button', { name: 'No recent contact' })).toBeTruthy();
    expect(items().find((b) => b.dataset.rule === 'DEMAND_LATE')?.textContent).toContain('Demand sent lateDEMAND_LATE');
    expect(document.body.textContent).not.toContain('督促状の発付遅れ');
  });

  it('selects the finding’s cell on click and shows its legal basis', async () => {
    const { port, controller } = await checked();
    const item = items().find((b) => b.dataset.rule === 'DEMAND_LATE')!;
    await settle(controller, () => fireEvent.click(item));
    expect(port.callsOf('select').at(-1)?.slice(1)).toEqual([5, 9]);
    const detail = screen.getByTestId('finding-detail');
    expect(detail.textContent).toContain('根拠: 地方自治法231条の3');
  });

  it('filters by severity, rule and 現年度分 / 滞納繰越分', async () => {
    const { controller } = await checked();
    const pick = (label: string, value: string) =>
      settle(controller, () => fireEvent.change(screen.getByLabelText(label), { target: { value } }));
    await pick('重要度', 'error');
    expect(screen.getByText('4件を表示（全11件）')).toBeTruthy();
    await pick('重要度', 'all');
    await pick('年度区分', 'arrears');
    expect(items().map((b) => b.dataset.row)).toEqual(['6', '7', '8', '8']);
    await pick('年度区分', 'current');
    expect(items().every((b) => ['4', '5', '9', '10'].includes(b.dataset.row!))).toBe(true);
    await pick('ルール', 'DEMAND_MISSING');
    expect(items().map((b) => b.dataset.row)).toEqual(['4', '10']);
  });

  it('「表示を消す」 clears the highlights', async () => {
    const { port, controller } = await checked();
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '表示を消す' })));
    expect(port.callsOf('clearFlags')).toHaveLength(1);
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: 'セルに表示' })));
    expect(port.callsOf('showFlags')).toHaveLength(2);
  });

  it('re-checks an edited row in place: one finding goes, nothing else is read', async () => {
    const { port, controller } = await checked();
    port.clearCalls();
    port.set(5, 9, '2024-10-10'); // H-104's 督促 now 10 days after the due date
    await settle(controller, () => port.fireChanged('I5'));
    expect(port.reads()).toEqual([[5, 5]]);
    expect(items().some((b) => b.dataset.rule === 'DEMAND_LATE')).toBe(false);
    expect(severityCounts()).toEqual(['エラー 4', '警告 5', '情報 1']);
    expect(screen.getByText('10件を表示（全10件）')).toBeTruthy();
    const [update] = port.callsOf('updateFlags');
    expect(update?.[1]).toEqual([5]);
    expect(port.callsOf('showFlags')).toHaveLength(0);
  });

  it('renders only the visible part of thousands of findings, and follows the scroll', async () => {
    const grid = hoikuryo();
    const template = grid[3]!; // H-103: DEMAND_MISSING and CONTACT_STALE
    for (let i = 0; i < 3000; i++) grid.push(template.map((c, j) => (j === 0 ? `Y-${i}` : c)));
    await checked(grid);
    expect(screen.getByText('6011件を表示（全6011件）')).toBeTruthy();
    expect(items().length).toBeLessThanOrEqual(12);
    const list = screen.getByTestId('findings-list');
    Object.defineProperty(list, 'scrollTop', { value: 56 * 5000, configurable: true }); // jsdom does not scroll
    fireEvent.scroll(list);
    const rows = items().map((b) => Number(b.dataset.row));
    expect(Math.min(...rows)).toBeGreaterThan(2000);
    expect(items().length).toBeLessThanOrEqual(16);
  });

  it('shows the analysis: 現年度分 / 滞納繰越分, the aging chart, and 催告方法 where the sheet has it', async () => {
    const grid = hoikuryo().map((r, i) => [...r, i === 0 ? '催告方法' : i % 2 ? '文書' : '電話']);
    const { controller } = await checked(grid);
    await settle(controller, () => fireEvent.click(screen.getByRole('tab', { name: /^分析/ })));
    const table = screen.getByRole('table', { name: '分析' });
    expect(within(table).getByText('現年度分')).toBeTruthy();
    expect(within(table).getByText('滞納繰越分')).toBeTruthy();
    expect(within(table).getByText('収納率')).toBeTruthy();
    const chart = screen.getByRole('img', { name: '滞納年数別（収入未済額）' });
    expect(chart.querySelectorAll('rect')).toHaveLength(6);
    expect(chart.querySelector('[data-bar="5年以上"] title')?.textContent).toContain('20,000');
    const methods = screen.getByRole('table', { name: '催告方法別' });
    expect(within(methods).getByText('文書')).toBeTruthy();
    expect(within(methods).getByText('電話')).toBeTruthy();
    expect(screen.queryByRole('table', { name: '所得階層別' })).toBeNull();
  });
});
