// @vitest-environment jsdom
// The mapping step as staff meet it: shown once, stored in the workbook, never asked again.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { FakePort } from '../fake-port.js';
import { hoikuryo } from '../ledger.js';
import { mappedDoc, renderPane, settle } from './render-pane.js';

afterEach(cleanup);

const columnRow = (letter: string) => document.querySelector(`[data-column="${letter}"]`) as HTMLElement;

describe('mapping', () => {
  it('shows the detected header and mapping, and stores it with the claim type on 確定', async () => {
    const port = new FakePort(hoikuryo());
    const { controller } = await renderPane(port);
    expect(screen.getByText('列の対応の確認')).toBeTruthy();
    expect(screen.getByText('見出し行: 1行目（データは2行目から）')).toBeTruthy();
    const a = within(columnRow('A'));
    expect(a.getAllByText('債務者番号')).toHaveLength(2); // header ← field
    expect(a.getByRole('combobox').textContent).toContain('債務者番号');
    expect(a.getByText('ラベル一致')).toBeTruthy();
    const i = within(columnRow('I'));
    expect(i.getByText('督促日')).toBeTruthy();
    expect(i.getByRole('combobox').textContent).toContain('督促状発付日');
    expect(i.getByText('別名一致')).toBeTruthy();
    expect(within(columnRow('B')).getByText('送信しない')).toBeTruthy(); // 氏名 stays in Excel

    const claim = screen.getByRole('combobox', { name: /債権の種類/ });
    fireEvent.change(claim, { target: { value: '保育料' } });
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '確定' })));
    const saved = port.callsOf('saveDocumentState').find((a) => a[0] === 'saiken.sheet.{sheet-1}');
    expect(JSON.parse(String(saved?.[1]))).toMatchObject({ claimType: '保育料', mapping: { headerRows: [1] } });
    expect(screen.getByRole('button', { name: 'チェック' })).toBeTruthy();
  });

  it('lets the user correct a column from its dropdown', async () => {
    const { controller } = await renderPane(new FakePort(hoikuryo()));
    const k = within(columnRow('K'));
    fireEvent.click(k.getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: '最終交渉日' }));
    await settle(controller);
    expect(within(columnRow('K')).getByText('手動')).toBeTruthy();
    expect(controller.state.draft?.detection.columns.find((c) => c.letter === 'K')?.field).toBe('lastContactDate');
  });

  it('asks nothing on the second open; 「対応を変更」 reopens the mapping', async () => {
    const doc = await mappedDoc(new FakePort(hoikuryo()));
    const port = new FakePort(hoikuryo(), { doc });
    const { controller } = await renderPane(port);
    expect(screen.queryByText('列の対応の確認')).toBeNull();
    expect(screen.getByRole('button', { name: 'チェック' })).toBeTruthy();
    await settle(controller, () => fireEvent.click(screen.getByText('対応を変更')));
    expect(screen.getByText('列の対応の確認')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: /債権の種類/ }) as HTMLInputElement).value).toBe('保育料');
  });

  it('shows a My Number column as refused, and refuses sync with the reason', async () => {
    const port = new FakePort(hoikuryo({ personalNumber: true }));
    const { controller } = await renderPane(port);
    expect(within(columnRow('C')).getByText('個人番号のため使用不可')).toBeTruthy();
    expect(screen.getByText('個人番号（マイナンバー）の列があります')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: /債権の種類/ }), { target: { value: '保育料' } });
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '確定' })));
    await settle(controller, () => fireEvent.click(screen.getByRole('tab', { name: /^送信/ })));
    const send = screen.getByRole('button', { name: '送信' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    expect(screen.getByText(/列があるため、このシートは送信できません/)).toBeTruthy();
    // Checking still works.
    await settle(controller, () => fireEvent.click(screen.getByRole('tab', { name: /^チェック/ })));
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: 'チェック' })));
    expect(document.querySelector('button[data-rule="PERSONAL_NUMBER_COLUMN"]')).toBeTruthy();
  });

  it('falls back to English when Office is not in Japanese', async () => {
    const port = new FakePort(hoikuryo(), { language: 'en-US' });
    const { controller } = await renderPane(port);
    expect(screen.getByText('Confirm the column mapping')).toBeTruthy();
    expect(within(columnRow('A')).getByText('label match')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: /Claim type/ }), { target: { value: '保育料' } });
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: 'Confirm' })));
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: 'Check' })));
    expect(screen.getByText('By severity')).toBeTruthy();
    const item = document.querySelector('button[data-rule="DEMAND_LATE"]') as HTMLElement;
    expect(item.textContent).toMatch(/warning/);
    expect(item.textContent).not.toMatch(/督促状/);
  });
});
