// @vitest-environment jsdom
// 取りまとめ as finance and accounting meet it: chase list, improvement list with proposals, hard cases to answer, the button.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { createOfficeAdapter } from '../../../addin/excel/office-adapter.js';
import { installHost } from '../excel/excel-standin.js';
import { served } from './consolidation-fixtures.js';
import type { FakeOversight } from './fake-oversight.js';
import { renderOversight, settle } from './render-oversight.js';

let restore = (): void => {};
afterEach(() => {
  cleanup();
  restore();
});

function withCase(service: FakeOversight): FakeOversight {
  service.cases.push({
    id: 1,
    claim: { id: 12, name: '保育料' },
    bureau: { id: 8, name: '子ども青少年局' },
    division: { id: 81, name: '保育運営課' },
    title: '分納誓約の不履行',
    assessedYen: 240_000,
    outstandingYen: 180_000,
    dueDate: null,
    lastContactDate: null,
    tried: '文書催告3回',
    question: '執行停止の要件に当たるか。',
    status: 'open',
    createdAt: '2024-11-02T00:00:00Z',
    answer: null,
  });
  return service;
}

describe('取りまとめ view', () => {
  it('lists the submission totals and the chase list', async () => {
    await renderOversight(served('finance'));
    expect(screen.getByTestId('submission-totals').textContent).toBe(
      '台帳 2件：送信済み 1・期限前 0・期限超過 1・未送信 0',
    );
    const chase = screen.getByRole('table', { name: '要督促の一覧' });
    const rows = within(chase).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '交通局 営業本部乗車料金（乗車料金台帳）期限までに送信なし （最終 2024-09-02）',
      '上下水道局 営業課下水道使用料計画はあるが台帳なし',
    ]);
  });

  it('shows growing claims with the division’s review; finance revises the proposal', async () => {
    const service = served('finance');
    const { ov } = await renderOversight(service);
    const items = screen.getAllByTestId('improvement');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('振り返り（2024-10）: 前年より増加');
    expect(items[0]!.textContent).toContain('電話催告を強化');
    fireEvent.click(within(items[0]!).getByRole('button', { name: '改善提案を直す' }));
    const editor = screen.getByRole('form', { name: '改善提案の編集' });
    fireEvent.change(within(editor).getByLabelText('改善提案'), { target: { value: '口座振替の勧奨も' } });
    await settle(ov, () => fireEvent.click(within(editor).getByRole('button', { name: '提案を保存' })));
    expect(service.writes()[0]).toMatchObject({
      method: 'PUT',
      path: '/api/v1/claims/12/proposals',
      body: { fiscalYear: 2024, reasons: ['growing'], body: '口座振替の勧奨も', expectedVersion: 1 },
    });
    expect(screen.getByText(/改善提案を保存しました/)).toBeTruthy();
  });

  it('accounting sees the list but writes no proposals', async () => {
    await renderOversight(served('accounting'));
    expect(screen.getAllByTestId('improvement')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /改善提案を/ })).toBeNull();
    expect(screen.getByText(/局別目標表は財政局のみ/)).toBeTruthy();
  });

  it('answers a hard case with a policy, checked for personal data first', async () => {
    const service = withCase(served('accounting'));
    const { ov } = await renderOversight(service);
    fireEvent.click(screen.getByRole('button', { name: '処理方針を回答' }));
    const form = screen.getByRole('form', { name: '処理方針の回答' });
    fireEvent.change(within(form).getByLabelText(/^処理方針/), { target: { value: '担当の山田太郎が財産調査する。' } });
    expect(screen.getByTestId('privacy-policy').querySelector('mark')?.textContent).toBe('山田太郎');
    const send = within(form).getByRole('button', { name: '回答を送る' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText(/^処理方針/), {
      target: { value: '財産調査の結果を待って判断する。' },
    });
    await settle(ov, () => fireEvent.click(send));
    expect(service.writes()[0]).toMatchObject({
      path: '/api/v1/hard-cases/1/answer',
      body: { policy: '財産調査の結果を待って判断する。', confirmedNoPersonalData: false },
    });
    const item = screen.getByTestId('hard-case');
    expect(item.textContent).toContain('回答済み');
    expect(item.textContent).toContain('財産調査の結果を待って判断する。');
    await settle(ov, () => fireEvent.click(within(item).getByRole('button', { name: '終了にする' })));
    expect(screen.getByTestId('hard-case').textContent).toContain('終了');
  });

  it('「取りまとめ」 writes the sheets into the open workbook and lists them', async () => {
    const installed = installHost();
    restore = installed.restore;
    installed.host.addSheet('Sheet1', [['利用者のデータ']]);
    const { ov } = await renderOversight(served('finance'), { port: createOfficeAdapter() });
    await settle(ov, () => fireEvent.click(screen.getByRole('button', { name: '取りまとめ' })));
    expect(screen.getByText('11枚のシートとグラフ4個を書き込みました。')).toBeTruthy();
    const written = within(screen.getByRole('list', { name: '書き込んだシート' })).getAllByRole('listitem');
    expect(written.map((li) => li.textContent)).toEqual([
      '局別目標（20行・グラフ0）',
      '局別進捗（16行・グラフ1）',
      '債権別（24行・グラフ0）', // the table, a blank row and the estimate's note
      '提出状況（7行・グラフ0）',
      '改善提案（2行・グラフ0）',
      '滞納年数別（4行・グラフ1）',
      '未収金の状況（8行・グラフ0）',
      '主要債権収入状況（8行・グラフ0）',
      '未収金の状況の出典（2行・グラフ0）',
      '対応件数（6行・グラフ0）',
      '年度推移（26行・グラフ2）',
    ]);
    expect(installed.host.sheet('Sheet1').value(0, 0)).toBe('利用者のデータ');
  });

  it('without a sheet writer the button is off and says why', async () => {
    await renderOversight(served('finance'));
    expect((screen.getByRole('button', { name: '取りまとめ' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getAllByText(/シートの書き込みができません/).length).toBeGreaterThan(0);
  });
});
