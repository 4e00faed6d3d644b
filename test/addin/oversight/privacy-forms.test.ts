// @vitest-environment jsdom
// Every form whose text leaves the workbook, as its user meets it: the plan's free text, the review,
// finance's proposal and the answer to a hard case show the flagged spans under the right field,
// need the tick 「個人情報は含まれていません」 (never for a My Number), and show the service's 422 the
// same way. Nothing is stripped: what is sent is the text as typed.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { served } from './consolidation-fixtures.js';
import { FakeOversight, type Recorded } from './fake-oversight.js';
import { renderOversight, settle } from './render-oversight.js';

afterEach(cleanup);

const PERSONAL = '担当の山田太郎が052-961-1111へ電話する。';
const MY_NUMBER = '個人番号 1234 5678 9012 を確認';
const CONFIRM = '個人情報は含まれていません';

const marks = (testId: string) =>
  [...screen.getByTestId(testId).querySelectorAll('mark')].map((m) => [m.getAttribute('data-kind'), m.textContent]);

/** A fake whose detector also flags `XYZ` (a newer detector than the pane's). */
function withNewerDetector(service: FakeOversight): FakeOversight {
  service.extraPersonal = (fields) =>
    Object.entries(fields).flatMap(([field, text]) => {
      const at = text.indexOf('XYZ');
      return at < 0 ? [] : [{ field, spans: [{ start: at, end: at + 3, kind: 'name' as const }] }];
    });
  return service;
}

const lastWrite = (service: FakeOversight): Recorded | undefined => service.writes().at(-1);

describe('plan form: the free text of measures', () => {
  const open = async (service = new FakeOversight()) => {
    const r = await renderOversight(service);
    const form = screen.getByRole('form', { name: '年間計画' });
    const f = within(form);
    return {
      ...r,
      service,
      f,
      type: (text: string) => fireEvent.change(f.getByLabelText('取組み（自由記述）'), { target: { value: text } }),
      save: () => f.getByRole('button', { name: '計画を保存' }) as HTMLButtonElement,
    };
  };

  it('highlights the spans under 取組み and saves only once ticked, the text as typed', async () => {
    const { ov, service, f, type, save } = await open();
    type(PERSONAL);
    expect(marks('privacy-measures')).toEqual([
      ['name', '山田太郎'],
      ['phone', '052-961-1111'],
    ]);
    expect(screen.getByTestId('privacy-measures').textContent).toContain(PERSONAL);
    expect(save().disabled).toBe(true);
    fireEvent.click(f.getByRole('checkbox', { name: CONFIRM }));
    expect(save().disabled).toBe(false);
    await settle(ov, () => fireEvent.click(save()));
    expect(lastWrite(service)!.body).toMatchObject({ measures: PERSONAL, confirmedNoPersonalData: true });
    expect(screen.getByText(/年間計画を保存しました/)).toBeTruthy();
  });

  it('drops the tick when the flagged text changes', async () => {
    const { f, type, save } = await open();
    type(PERSONAL);
    fireEvent.click(f.getByRole('checkbox', { name: CONFIRM }));
    type(`${PERSONAL} 鈴木一郎にも。`);
    expect((f.getByRole('checkbox', { name: CONFIRM }) as HTMLInputElement).checked).toBe(false);
    expect(save().disabled).toBe(true);
  });

  it('refuses a My Number outright: no tick, nothing sent', async () => {
    const { service, f, type, save } = await open();
    type(MY_NUMBER);
    expect(f.queryByRole('checkbox', { name: CONFIRM })).toBeNull();
    expect(f.getAllByText(/個人番号は送れません/).length).toBeGreaterThan(0);
    expect(save().disabled).toBe(true);
    expect(service.writes()).toEqual([]);
  });

  it('shows the service’s 422 spans under the field and keeps the text', async () => {
    const { ov, service, f, type, save } = await open(withNewerDetector(new FakeOversight()));
    type('XYZ商店への催告を強化');
    await settle(ov, () => fireEvent.click(save()));
    expect(service.writes()).toHaveLength(1); // the refused PUT
    expect(screen.getByTestId('privacy-measures').textContent).toContain('サービスが個人情報のように見える記載');
    expect(marks('privacy-measures')).toEqual([['name', 'XYZ']]);
    expect(save().disabled).toBe(true);
    expect((f.getByLabelText('取組み（自由記述）') as HTMLTextAreaElement).value).toBe('XYZ商店への催告を強化');
    fireEvent.click(f.getByRole('checkbox', { name: CONFIRM }));
    await settle(ov, () => fireEvent.click(save()));
    expect(lastWrite(service)!.body).toMatchObject({ confirmedNoPersonalData: true });
    expect(screen.getByText(/年間計画を保存しました/)).toBeTruthy();
  });
});

describe('review form: assessment and next step', () => {
  const open = async (service = new FakeOversight()) => {
    const r = await renderOversight(service);
    const f = within(screen.getByRole('form', { name: '月次の振り返り' }));
    return {
      ...r,
      service,
      f,
      fill: (assessment: string, nextStep: string) => {
        fireEvent.change(f.getByLabelText('評価（振り返り）'), { target: { value: assessment } });
        fireEvent.change(f.getByLabelText('次の取組み'), { target: { value: nextStep } });
      },
      save: () => f.getByRole('button', { name: '振り返りを記録' }) as HTMLButtonElement,
    };
  };

  it('flags the field that holds the spans, and records only once ticked', async () => {
    const { ov, service, f, fill, save } = await open();
    fill('目標より4千万円多い', PERSONAL);
    expect(screen.queryByTestId('privacy-assessment')).toBeNull();
    expect(marks('privacy-nextStep')).toEqual([
      ['name', '山田太郎'],
      ['phone', '052-961-1111'],
    ]);
    expect(save().disabled).toBe(true);
    fireEvent.click(f.getByRole('checkbox', { name: CONFIRM }));
    await settle(ov, () => fireEvent.click(save()));
    expect(lastWrite(service)).toMatchObject({
      path: '/api/v1/claims/101/reviews',
      body: { nextStep: PERSONAL, confirmedNoPersonalData: true },
    });
    expect(screen.getByText('振り返りを記録しました。')).toBeTruthy();
    expect(f.queryByRole('checkbox', { name: CONFIRM })).toBeNull(); // the form is empty again
  });

  it('refuses a My Number outright', async () => {
    const { service, f, fill, save } = await open();
    fill(MY_NUMBER, '11月に集中催告');
    expect(f.queryByRole('checkbox', { name: CONFIRM })).toBeNull();
    expect(save().disabled).toBe(true);
    expect(service.writes()).toEqual([]);
  });

  it('shows the service’s 422 on the field it names', async () => {
    const { ov, service, fill, save } = await open(withNewerDetector(new FakeOversight()));
    fill('XYZ商店の滞納が増えた', '11月に集中催告');
    await settle(ov, () => fireEvent.click(save()));
    expect(service.writes()).toHaveLength(1);
    expect(marks('privacy-assessment')).toEqual([['name', 'XYZ']]);
    expect(screen.queryByTestId('privacy-nextStep')).toBeNull();
    expect(save().disabled).toBe(true);
  });
});

describe('proposal form (finance)', () => {
  const open = async (service = served('finance')) => {
    const r = await renderOversight(service);
    fireEvent.click(within(screen.getAllByTestId('improvement')[0]!).getByRole('button', { name: '改善提案を直す' }));
    const f = within(screen.getByRole('form', { name: '改善提案の編集' }));
    return {
      ...r,
      service,
      f,
      type: (text: string) => fireEvent.change(f.getByLabelText('改善提案'), { target: { value: text } }),
      save: () => f.getByRole('button', { name: '提案を保存' }) as HTMLButtonElement,
    };
  };

  it('highlights the spans and saves only once ticked', async () => {
    const { ov, service, f, type, save } = await open();
    type(PERSONAL);
    expect(marks('privacy-body')).toEqual([
      ['name', '山田太郎'],
      ['phone', '052-961-1111'],
    ]);
    expect(save().disabled).toBe(true);
    fireEvent.click(f.getByRole('checkbox', { name: CONFIRM }));
    await settle(ov, () => fireEvent.click(save()));
    expect(lastWrite(service)).toMatchObject({
      method: 'PUT',
      body: { body: PERSONAL, confirmedNoPersonalData: true },
    });
    expect(screen.getByText(/改善提案を保存しました/)).toBeTruthy();
  });

  it('refuses a My Number outright', async () => {
    const { service, f, type, save } = await open();
    type(MY_NUMBER);
    expect(f.queryByRole('checkbox', { name: CONFIRM })).toBeNull();
    expect(save().disabled).toBe(true);
    expect(service.writes()).toEqual([]);
  });

  it('shows the service’s 422 spans and keeps the editor open with the text', async () => {
    const { ov, service, f, type, save } = await open(withNewerDetector(served('finance')));
    type('XYZ商店への催告を強化すること');
    await settle(ov, () => fireEvent.click(save()));
    expect(service.writes()).toHaveLength(1);
    expect(marks('privacy-body')).toEqual([['name', 'XYZ']]);
    expect((f.getByLabelText('改善提案') as HTMLTextAreaElement).value).toBe('XYZ商店への催告を強化すること');
    expect(save().disabled).toBe(true);
  });
});

describe('answer form (accounting)', () => {
  const open = async (service = served('accounting')) => {
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
    const r = await renderOversight(service);
    fireEvent.click(screen.getByRole('button', { name: '処理方針を回答' }));
    const f = within(screen.getByRole('form', { name: '処理方針の回答' }));
    return {
      ...r,
      service,
      f,
      type: (text: string) => fireEvent.change(f.getByLabelText(/^処理方針/), { target: { value: text } }),
      send: () => f.getByRole('button', { name: '回答を送る' }) as HTMLButtonElement,
    };
  };

  it('sends a flagged policy only once ticked', async () => {
    const { ov, service, f, type, send } = await open();
    type(PERSONAL);
    expect(send().disabled).toBe(true);
    fireEvent.click(f.getByRole('checkbox', { name: CONFIRM }));
    await settle(ov, () => fireEvent.click(send()));
    expect(lastWrite(service)).toMatchObject({ body: { policy: PERSONAL, confirmedNoPersonalData: true } });
  });

  it('refuses a My Number outright', async () => {
    const { service, f, type, send } = await open();
    type(MY_NUMBER);
    expect(f.queryByRole('checkbox', { name: CONFIRM })).toBeNull();
    expect(send().disabled).toBe(true);
    expect(service.writes()).toEqual([]);
  });

  it('shows the service’s 422 spans', async () => {
    const { ov, service, type, send } = await open(withNewerDetector(served('accounting')));
    type('XYZ商店の財産を調査する');
    await settle(ov, () => fireEvent.click(send()));
    expect(service.writes()).toHaveLength(1);
    expect(marks('privacy-policy')).toEqual([['name', 'XYZ']]);
    expect(send().disabled).toBe(true);
  });
});

describe('English fallback', () => {
  it('names the kinds and the tick in English when Office is not in Japanese', async () => {
    const { translator } = await import('../../../addin/i18n/messages.js');
    const t = translator('en');
    expect(t('ov.privacy.confirm')).toBe('This contains no personal data');
    expect(t('ov.privacy.kind.birth-date')).toBe('date of birth');
    expect(translator('ja')('ov.privacy.kind.birth-date')).toBe('生年月日');
  });
});
