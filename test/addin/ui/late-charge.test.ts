// @vitest-environment jsdom
// 延滞金の計算 in the pane: the same charge as `saiken latecharge`, piece by piece, as the clerk types.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { parseISODay } from '../../../domain/calendar/day.js';
import { calculateLateCharge, formatBp, LateChargeProfiles, NONE } from '../../../domain/late-charge/index.js';
import { runSaiken } from '../../fixtures/cli-harness.js';
import { FakePort, type FakePortOptions } from '../fake-port.js';
import { hoikuryo } from '../ledger.js';
import { mappedDoc, renderPane, settle } from './render-pane.js';
import type { PaneOptions } from '../../../addin/state/pane-controller.js';

afterEach(cleanup);

async function calculator(portOptions: FakePortOptions = {}, options: PaneOptions = {}, tab = /延滞金の計算/) {
  const doc = await mappedDoc(new FakePort(hoikuryo()));
  const pane = await renderPane(new FakePort(hoikuryo(), { doc, ...portOptions }), options);
  await settle(pane.controller, () => fireEvent.click(screen.getByRole('tab', { name: tab })));
  return pane;
}

interface Inputs {
  principal?: string;
  due?: string;
  paid?: string;
  claimType?: string;
}

const field = {
  principal: () => screen.getByRole('textbox', { name: /本税・元金/ }),
  due: () => screen.getByRole('textbox', { name: /納期限/ }),
  paid: () => screen.getByRole('textbox', { name: /納付日/ }),
  claimType: () => screen.getByRole('combobox', { name: /債権の種類/ }),
};

function type(inputs: Inputs) {
  act(() => {
    for (const [k, v] of Object.entries(inputs)) fireEvent.change(field[k as keyof Inputs](), { target: { value: v } });
  });
}

/** What the pane shows: the pieces' cells, the total in yen, the profile line, the other lines. */
function shown() {
  const result = screen.queryByTestId('late-charge-result');
  if (!result) return null;
  const pieces = within(result)
    .queryAllByTestId('late-charge-piece')
    .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
  const totalText = within(result).getByTestId('late-charge-total').textContent!;
  const total = Number(/: ([\d,]+)円/.exec(totalText)![1]!.replaceAll(',', ''));
  return { pieces, total, totalText, text: result.textContent! };
}

interface CliJson {
  total: number;
  kind: string;
  pieces: { period: number; from: string; to: string; days: number; rate: number; amount: number }[];
  notes: string[];
}

async function cli(inputs: Required<Omit<Inputs, 'claimType'>> & { claimType?: string }): Promise<CliJson> {
  const args = ['latecharge', '--principal', inputs.principal, '--due', inputs.due, '--paid', inputs.paid, '--json'];
  if (inputs.claimType) args.push('--claim-type', inputs.claimType);
  const run = await runSaiken(args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as CliJson;
}

/** The CLI's pieces as the pane words them. */
const cliRows = (j: CliJson) =>
  j.pieces.map((p) => [
    `${j.kind === 'civil' ? '－' : `第${p.period}期`} ${p.from}〜${p.to}`,
    `${p.days.toLocaleString('ja-JP')}日`,
    formatBp(Math.round(p.rate * 100)),
    `${p.amount.toLocaleString('ja-JP')}円`,
  ]);

describe('延滞金の計算', () => {
  it('starts with the ledger’s claim type and today, and asks for the rest', async () => {
    await calculator();
    expect((field.claimType() as HTMLInputElement).value).toBe('保育料');
    expect((field.paid() as HTMLInputElement).value).toBe('2025-03-31');
    expect(screen.getByText('本税・元金と納期限を入力すると計算します。')).toBeTruthy();
    expect(shown()).toBeNull();
  });

  const cases: [string, Required<Inputs>][] = [
    ['tax-like, first month at the lower rate, then 2026', { principal: '500000', due: '2025-11-30', paid: '2026-03-10', claimType: '保育料' }],
    ['tax-like, the first month split at 31 December', { principal: '1,234,567', due: '2025-12-15', paid: '2026-04-30', claimType: '国民健康保険料' }],
    ['tax-like, 和暦 and full-width digits', { principal: '１２３，４５６円', due: '令和7年4月30日', paid: 'R7.8.15', claimType: '強制徴収公債権' }],
    ['tax-like, a year outside the 特例 table', { principal: '80000', due: '2009-11-30', paid: '2010-03-01', claimType: '介護保険料' }],
    ['tax-like, a total under 1,000 yen', { principal: '30000', due: '2025-04-30', paid: '2025-06-30', claimType: '保育料' }],
    ['tax-like, a principal under 2,000 yen', { principal: '1999', due: '2024-05-31', paid: '2026-05-31', claimType: '保育料' }],
    ['civil, 5% before the 2020 revision', { principal: '300,000', due: '2019-03-31', paid: '2021-03-31', claimType: '私債権' }],
    ['civil, 3% by claim type', { principal: '45678', due: '2024-06-30', paid: '2025-03-31', claimType: '水道料金' }],
    ['paid before the due date', { principal: '50000', due: '2025-04-30', paid: '2025-04-20', claimType: '保育料' }],
  ]; // prettier-ignore

  it.each(cases)('equals saiken latecharge: %s', async (_, inputs) => {
    await calculator();
    type(inputs);
    const pane = shown()!;
    const expected = await cli(inputs);
    expect(pane.total).toBe(expected.total);
    expect(pane.pieces).toEqual(cliRows(expected));
  });

  it('shows the pieces, the profile, the roundings and the built-in table line', async () => {
    await calculator();
    type({ principal: '1,234,567', due: '2025-12-15', paid: '2026-04-30' }); // 保育料, the ledger's
    const s = shown()!;
    expect(s.pieces.map((p) => p[0])).toEqual([
      '第1期 2025-12-16〜2025-12-31',
      '第1期 2026-01-01〜2026-01-15',
      '第2期 2026-01-16〜2026-04-30',
    ]);
    expect(s.pieces.map((p) => p[2])).toEqual(['2.4%', '2.8%', '9.1%']);
    expect(s.text).toContain('計算方法: 税の例による');
    expect(s.text).toContain('計算の基礎: 1,234,000円（1,000円未満切捨て）');
    expect(s.text).toContain('各期間の合計:');
    expect(s.totalText).toMatch(/^延滞金: [\d,]+円（100円未満切捨て）$/);
    expect(s.text).toContain('組み込みの割合表で計算しています');
  });

  it('gives the domain’s notes: not late, under the minimum', async () => {
    await calculator();
    type({ principal: '50000', due: '2025-04-30', paid: '2025-04-20' });
    expect(shown()!.text).toContain('納期限までに納付されているため、かかりません。');
    expect(shown()!.totalText).toBe('延滞金: 0円');
    type({ principal: '30000', paid: '2025-06-30' });
    expect(shown()!.text).toContain('合計が最低額（1,000円）未満のため、0円です。');
  });

  it('a civil claim: 遅延損害金 under 民法', async () => {
    await calculator();
    type({ principal: '300000', due: '2019-03-31', paid: '2021-03-31', claimType: '水道料金' });
    const s = shown()!;
    expect(s.text).toContain('計算方法: 民法');
    expect(s.pieces).toEqual([['－ 2019-04-01〜2021-03-31', '731日', '5.0%', '30,041円']]);
    expect(s.totalText).toBe('遅延損害金: 30,041円');
  });

  it('a claim type without late charges (the city’s table): 延滞金なし, 0 yen', async () => {
    const profiles = new LateChargeProfiles({
      byClassification: {
        強制徴収公債権: { kind: 'tax-like' },
        非強制徴収公債権: { kind: 'tax-like' },
        私債権: { kind: 'civil' },
      },
      claimTypes: [{ names: ['放置自転車移動保管料'], profile: { kind: 'none' } }],
    });
    await calculator({}, { lateChargeProfiles: profiles });
    type({ principal: '500000', due: '2024-04-30', paid: '2025-03-31', claimType: '放置自転車移動保管料' });
    const s = shown()!;
    const domain = calculateLateCharge(
      { principal: 500000, dueDate: parseISODay('2024-04-30')!, paidOn: parseISODay('2025-03-31')! },
      NONE,
    )!;
    expect(s.total).toBe(domain.total);
    expect(s.pieces).toEqual([]);
    expect(s.text).toContain('計算方法: 延滞金なし');
    expect(s.text).toContain('この債権には延滞金がかかりません');
  });

  it('says how a 和暦 date was read', async () => {
    await calculator();
    type({ due: '令和7年4月30日' });
    expect(screen.getByText('2025-04-30 として計算します。')).toBeTruthy();
  });

  it('bad input: a Japanese message beside the field, no result, no NaN', async () => {
    await calculator();
    type({ principal: '12.5万', due: '2025-02-30', paid: 'きのう', claimType: 'ふしぎな債権' });
    expect(screen.getByText(/0以上の円単位の整数で入力してください/)).toBeTruthy();
    expect(screen.getAllByText(/実在する日付を 2025-04-30 や 令和7年4月30日 の形で入力してください/)).toHaveLength(2);
    expect(screen.getByText(/債権区分がわからないため計算できません/)).toBeTruthy();
    expect(shown()).toBeNull();
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
    type({ principal: '-5', due: '2025-04-30', paid: '2025-06-30', claimType: '' });
    expect(screen.getByText(/0以上の円単位の整数で入力してください/)).toBeTruthy();
    type({ principal: '5000000000000' });
    expect(screen.getByText(/0以上の円単位の整数で入力してください/)).toBeTruthy();
    type({ principal: '50000' });
    expect(shown()!.text).toContain('税の例による'); // blank claim type: as the CLI without --claim-type
  });

  it('English Office: English labels', async () => {
    await calculator({ language: 'en-US' }, {}, /Late charge/);
    act(() => {
      const input = (name: RegExp) => screen.getByRole('textbox', { name });
      fireEvent.change(input(/Principal/), { target: { value: '500000' } });
      fireEvent.change(input(/Due date/), { target: { value: '2025-11-30' } });
      fireEvent.change(input(/Payment date/), { target: { value: '2026-03-10' } });
    });
    expect(screen.getByRole('combobox', { name: /Claim type/ })).toBeTruthy();
    const result = screen.getByTestId('late-charge-result');
    expect(within(result).getByText('Period')).toBeTruthy();
    expect(result.textContent).toContain('Method: as for local taxes');
    expect(result.textContent).toContain('Period 1 2025-12-01〜2025-12-31');
    expect(result.textContent).toContain('31 days');
    expect(result.textContent).toContain('Late charge: ¥9,600 (rounded down to ¥100)');
    expect(result.textContent).toContain('built-in rate table');
  });
});
