// @vitest-environment jsdom
// 分析: the receivables status split (回収債権 / 整理債権 / 分類できない) and the payment channels, as staff see them.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { Cell } from '../../../domain/values/parsed.js';
import { formatNumber } from '../../../addin/i18n/messages.js';
import { FakePort } from '../fake-port.js';
import { hoikuryo } from '../ledger.js';
import { mappedDoc, renderPane, settle } from './render-pane.js';

afterEach(cleanup);

/** The worked example with 納付方法, 口座振替 and 催告方法 columns added (one value per data row). */
function withChannels(): Cell[][] {
  const pay = ['口座振替', '納付書', 'コンビニ', '口振', null, '納付書', 'スマホ', '納付書', '口座振替'];
  const debit = ['有', '無', '無', '有', null, '無', '無', '無', '有'];
  const dun = ['文書', '電話', null, '文書', '臨戸', '文書', '電話', null, '文書'];
  return hoikuryo().map((r, i) =>
    i === 0 ? [...r, '納付方法', '口座振替', '催告方法'] : [...r, pay[i - 1]!, debit[i - 1]!, dun[i - 1]!],
  );
}

async function analysisOf(grid: Cell[][], language = 'ja-JP') {
  const port = new FakePort(grid, { doc: await mappedDoc(new FakePort(grid)), language });
  const pane = await renderPane(port);
  const [check, tab] = language === 'ja-JP' ? ['チェック', /^分析/] : ['Check', /^Analysis/];
  await settle(pane.controller, () => fireEvent.click(screen.getByRole('button', { name: check })));
  await settle(pane.controller, () => fireEvent.click(screen.getByRole('tab', { name: tab })));
  return pane;
}

/** A table's body rows as [first cell, the other cells…] texts. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));

const totalOutstanding = () => {
  const totals = screen.getByRole('table', { name: '分析' });
  const row = within(totals).getByText('収入未済額').closest('tr')!;
  return row.querySelectorAll('td')[3]!.textContent; // 現年度分, 滞納繰越分, 合計
};

describe('分析: 未収金の状況', () => {
  it('shows 回収債権 ①②③ and 整理債権 ④⑤⑥⑦ with count and amount, 分類できない, and the total owed', async () => {
    await analysisOf(hoikuryo());
    const rows = rowsOf(screen.getByRole('table', { name: '未収金の状況（収入未済額のある行）' }));
    expect(rows.map((r) => r[0])).toEqual([
      '回収債権',
      '① 差押中',
      '② 分納・猶予',
      '③ 交渉・催告中',
      '整理債権',
      '④ 財産なし・所在不明',
      '⑤ 執行停止・徴収停止',
      '⑥ 時効完成',
      '⑦ 生活困窮',
      '分類できない',
      '合計',
    ]);
    const byName = new Map(rows.map((r) => [r[0], r.slice(1)]));
    // H-106 in 分納 (②); H-102, 104, 107, 108 dunned (③); H-105 past prescription (⑥); H-103, 109 nothing recorded.
    expect(byName.get('② 分納・猶予')).toEqual(['1', '20,000']);
    expect(byName.get('③ 交渉・催告中')).toEqual(['4', '80,000']);
    expect(byName.get('回収債権')).toEqual(['5', '100,000']);
    expect(byName.get('⑥ 時効完成')).toEqual(['1', '20,000']);
    expect(byName.get('整理債権')).toEqual(['1', '20,000']);
    expect(byName.get('分類できない')).toEqual(['2', '36,000']);
    expect(byName.get('合計')).toEqual(['8', '156,000']);
    expect(totalOutstanding()).toBe('156,000');
    expect(screen.queryByText(/マイナスの行/)).toBeNull();
  });

  it('names the classes in English on English Office', async () => {
    await analysisOf(hoikuryo(), 'en-US');
    const table = screen.getByRole('table', { name: 'Receivables status (rows still owing)' });
    const names = rowsOf(table).map((r) => r[0]);
    expect(names).toContain('Being collected');
    expect(names).toContain('① Seized');
    expect(names).toContain('⑥ Prescription completed');
    expect(names).toContain('Cannot be classified');
    expect(table.textContent).not.toMatch(/差押中|回収債権/);
  });
});

describe('分析: payment channels', () => {
  it('shows 収入未済額 and 収納率 by 納付方法, 催告方法 and 口座振替の有無, each row once', async () => {
    await analysisOf(withChannels());
    const pay = rowsOf(screen.getByRole('table', { name: '納付方法別' }));
    expect(pay.map((r) => r[0])).toEqual(['口座振替', '納付書', 'コンビニ', 'クレジットカード', 'スマホ決済', 'その他', '未記入']); // prettier-ignore
    const byKey = new Map(pay.map((r) => [r[0], r.slice(1)]));
    // 口座振替: H-101 (23,000 paid of 23,000), H-104 (口振, 18,000 owed), H-109 (18,000 paid, 18,000 owed).
    expect(byKey.get('口座振替')).toEqual(['3', '36,000', '69.5%']);
    expect(byKey.get('納付書')).toEqual(['3', '61,000', '7.6%']);
    expect(byKey.get('クレジットカード')).toEqual(['0', '0', '－']);
    expect(byKey.get('未記入')).toEqual(['1', '20,000', '0.0%']);
    const sum = pay.reduce((n, r) => n + Number(r[2]!.replace(/,/g, '')), 0);
    expect(sum.toLocaleString('en-US')).toBe(totalOutstanding());
    expect(pay.reduce((n, r) => n + Number(r[1]), 0)).toBe(9);

    const debit = rowsOf(screen.getByRole('table', { name: '口座振替の有無別' }));
    expect(debit.map((r) => r[0])).toEqual(['口座振替あり', '口座振替なし', '未記入']);
    expect(debit.map((r) => r[1])).toEqual(['3', '5', '1']);
    const dun = rowsOf(screen.getByRole('table', { name: '催告方法別' }));
    expect(dun.find((r) => r[0] === '文書')?.[1]).toBe('4');
    expect(dun.find((r) => r[0] === '未記入')?.[1]).toBe('2');
  });

  it('puts 調定額 and 収入済額 in each row’s tooltip', async () => {
    await analysisOf(withChannels());
    const row = screen.getByRole('table', { name: '納付方法別' }).querySelector('[data-key="口座振替"]')!;
    expect(row.getAttribute('title')).toBe('調定額 59,000円 / 収入済額 41,000円');
  });

  it('shows only the breakdowns whose column the sheet has', async () => {
    const grid = hoikuryo().map((r, i) => [...r, i === 0 ? '口座振替の有無' : i % 2 ? '○' : null]);
    await analysisOf(grid);
    expect(screen.getByRole('table', { name: '口座振替の有無別' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: '納付方法別' })).toBeNull();
    expect(screen.queryByRole('table', { name: '催告方法別' })).toBeNull();
  });

  it('in English on English Office', async () => {
    await analysisOf(withChannels(), 'en-US');
    const pay = rowsOf(screen.getByRole('table', { name: 'By payment method' }));
    expect(pay.map((r) => r[0])).toEqual(['Direct debit', 'Payment slip', 'Convenience store', 'Credit card', 'Smartphone payment', 'Other', 'Blank']); // prettier-ignore
    expect(screen.getByRole('table', { name: 'By dunning method' }).textContent).toContain('Home visit');
    expect(screen.getByRole('table', { name: 'By direct debit enrolment' }).textContent).toContain('Not enrolled');
  });
});

describe('分析: 延滞金見込額', () => {
  it('shows the check’s late-charge estimate per 現年度分 / 滞納繰越分 / 合計, and says it is an estimate', async () => {
    const pane = await analysisOf(hoikuryo());
    const { lateCharge } = pane.controller.store.get().check.result!.analysis;
    const totals = screen.getByRole('table', { name: '分析' });
    const row = within(totals).getByText('延滞金見込額').closest('tr')!;
    const shown = [...row.querySelectorAll('td')].slice(1).map((c) => c.textContent);
    expect(shown).toEqual(
      [lateCharge.current, lateCharge.arrears, lateCharge.total].map((s) => formatNumber(s.estimate)),
    );
    expect(lateCharge.total.rows).toBeGreaterThan(0);
    expect(screen.getByText(/延滞金見込額は、収入未済額の全額を基準日に納付した場合の見込みです/)).toBeTruthy();
  });
});
