// @vitest-environment jsdom
// 処理困難事案 as a division meets it: warnings with the flagged spans highlighted, the tick required, nothing stripped.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { FakeOversight } from './fake-oversight.js';
import { renderOversight, settle } from './render-oversight.js';

afterEach(cleanup);

const TRIED = '山田太郎様に052-961-1111で連絡。名古屋市中区三の丸3丁目1番1号に臨戸。';

async function caseForm(service = new FakeOversight()) {
  const r = await renderOversight(service);
  await settle(r.ov, () => fireEvent.click(screen.getByRole('tab', { name: /^処理困難事案/ })));
  const form = screen.getByRole('form', { name: '処理困難事案の相談' });
  const f = within(form);
  fireEvent.change(f.getByLabelText(/^債権/), { target: { value: '101' } });
  fireEvent.change(f.getByLabelText(/^件名/), { target: { value: '分納誓約の不履行' } });
  fireEvent.change(f.getByLabelText(/^相談内容/), { target: { value: '執行停止の要件に当たるか。' } });
  return { ...r, service, f, send: () => f.getByRole('button', { name: '事案を送る' }) as HTMLButtonElement };
}

describe('hard case form', () => {
  it('highlights personal-looking text under its field and needs the tick before sending', async () => {
    const { ov, service, f, send } = await caseForm();
    fireEvent.change(f.getByLabelText(/^これまでの対応/), { target: { value: TRIED } });
    const note = screen.getByTestId('privacy-tried');
    expect(note.textContent).toContain('個人情報のように見える記載があります（氏名・電話番号・住所）');
    const marks = [...note.querySelectorAll('mark')].map((m) => [m.getAttribute('data-kind'), m.textContent]);
    expect(marks).toEqual([
      ['name', '山田太郎様'],
      ['phone', '052-961-1111'],
      ['address', '名古屋市中区三の丸3丁目1番1号'],
    ]);
    expect(note.textContent).toContain(TRIED); // shown whole, nothing taken out
    expect(send().disabled).toBe(true);

    fireEvent.click(f.getByRole('checkbox', { name: '個人情報は含まれていません' }));
    expect(send().disabled).toBe(false);
    await settle(ov, () => fireEvent.click(send()));
    expect(service.writes()[0]!.body).toMatchObject({ tried: TRIED, confirmedNoPersonalData: true });
    expect(screen.getByText(/処理困難事案を送りました/)).toBeTruthy();
    const listed = within(screen.getByRole('list', { name: '処理困難事案の一覧' })).getAllByTestId('hard-case');
    expect(listed[0]!.textContent).toContain('回答待ち');
  });

  it('refuses a My Number-like number outright: no tick offered, nothing sent', async () => {
    const { service, f, send } = await caseForm();
    fireEvent.change(f.getByLabelText(/^これまでの対応/), { target: { value: '個人番号 1234 5678 9012 を確認' } });
    expect(screen.getAllByText(/個人番号は送れません/).length).toBeGreaterThan(0);
    expect(f.queryByRole('checkbox', { name: '個人情報は含まれていません' })).toBeNull();
    expect(send().disabled).toBe(true);
    expect(service.writes()).toEqual([]);
  });

  it('shows the service’s 422 spans the same way', async () => {
    const service = new FakeOversight();
    service.extraPersonal = (fields) => {
      const at = fields.tried?.indexOf('XYZ') ?? -1;
      return at < 0 ? [] : [{ field: 'tried', spans: [{ start: at, end: at + 3, kind: 'name' }] }];
    };
    const { ov, f, send } = await caseForm(service);
    fireEvent.change(f.getByLabelText(/^これまでの対応/), { target: { value: 'XYZ商店に文書催告' } });
    expect(send().disabled).toBe(false);
    await settle(ov, () => fireEvent.click(send()));
    const note = screen.getByTestId('privacy-tried');
    expect(note.textContent).toContain('サービスが個人情報のように見える記載を見つけました');
    expect(note.querySelector('mark')?.textContent).toBe('XYZ');
    expect(send().disabled).toBe(true);
    expect((f.getByLabelText(/^これまでの対応/) as HTMLTextAreaElement).value).toBe('XYZ商店に文書催告');
  });
});
