/** 処理困難事案 without a DOM: personal-looking text is flagged in the pane, never stripped, sent only once confirmed. */
import { describe, expect, it } from 'vitest';
import { segments } from '../../../addin/oversight/privacy.js';
import { FakeOversight } from './fake-oversight.js';
import { oversightFor } from './setup.js';

const TRIED = '山田太郎様に052-961-1111で連絡。名古屋市中区三の丸3丁目1番1号に臨戸。';

async function started(service = new FakeOversight()) {
  const ov = oversightFor(service.fetch);
  await ov.start();
  await ov.whenIdle();
  ov.cases.edit({
    claimId: 101,
    title: '分納誓約の不履行が続く事案',
    assessedYen: '240,000',
    outstandingYen: '180000',
    dueDate: '2023-05-31',
    tried: '文書催告3回、電話催告2回。',
    question: '執行停止の要件に当たるか判断に迷っている。',
  });
  return { ov, service };
}

describe('hard case privacy warnings', () => {
  it('sends a clean case as typed, without a confirmation', async () => {
    const { ov, service } = await started();
    expect(ov.state.cases.privacy.warnings).toEqual([]);
    await ov.cases.send();
    expect(service.writes()[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/hard-cases',
      body: {
        claimId: 101,
        assessedYen: 240_000,
        outstandingYen: 180_000,
        dueDate: '2023-05-31',
        lastContactDate: null,
        confirmedNoPersonalData: false,
      },
    });
    expect(ov.state.cases.list[0]).toMatchObject({ status: 'open', title: '分納誓約の不履行が続く事案' });
    expect(ov.state.cases.draft.title).toBe('');
  });

  it('flags names, phones and addresses as the user types, with spans on the text as typed', async () => {
    const { ov } = await started();
    ov.cases.edit({ tried: `  ${TRIED}` });
    const { warnings, source } = ov.state.cases.privacy;
    expect(source).toBe('pane');
    expect(warnings.map((w) => w.field)).toEqual(['tried']);
    const text = ov.state.cases.draft.tried;
    const marked = segments(text, warnings[0]!.spans).filter((s) => s.kind);
    expect(marked.map((s) => [s.kind, s.text])).toEqual([
      ['name', '山田太郎様'],
      ['phone', '052-961-1111'],
      ['address', '名古屋市中区三の丸3丁目1番1号'],
    ]);
    expect(
      segments(text, warnings[0]!.spans)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('sends nothing until the user edits or ticks; then sends the text unchanged, confirmed', async () => {
    const { ov, service } = await started();
    ov.cases.edit({ tried: TRIED });
    await ov.cases.send();
    expect(service.writes()).toEqual([]);
    expect(ov.state.cases.notice).toMatchObject({
      intent: 'warning',
      text: expect.stringContaining('個人情報は含まれていません'),
    });
    ov.cases.edit({ confirmed: true });
    await ov.cases.send();
    expect(service.writes()).toHaveLength(1);
    expect(service.writes()[0]!.body).toMatchObject({ tried: TRIED, confirmedNoPersonalData: true });
  });

  it('drops the tick when the flagged text changes, keeps it for other edits', async () => {
    const { ov } = await started();
    ov.cases.edit({ tried: TRIED });
    ov.cases.edit({ confirmed: true });
    ov.cases.edit({ question: '執行停止の要件に当たるか。' });
    expect(ov.state.cases.draft.confirmed).toBe(true);
    ov.cases.edit({ tried: TRIED + ' 鈴木花子さんにも連絡。' });
    expect(ov.state.cases.draft.confirmed).toBe(false);
    ov.cases.edit({ tried: '文書催告3回。' }); // nothing flagged any more: no tick needed
    expect(ov.state.cases.privacy.warnings).toEqual([]);
    expect(ov.state.cases.draft.confirmed).toBe(false);
  });

  it('never sends a My Number-like number, ticked or not', async () => {
    const { ov, service } = await started();
    ov.cases.edit({ question: '個人番号 1234-5678-9012 で照会' });
    expect(ov.state.cases.privacy.refused).toBe(true);
    ov.cases.edit({ confirmed: true });
    await ov.cases.send();
    expect(service.writes()).toEqual([]);
    expect(ov.state.cases.notice?.text).toContain('個人番号は送れません');
  });

  it('shows the service’s 422 spans the same way, then sends once confirmed', async () => {
    const service = new FakeOversight();
    // The service knows a name the pane's list does not.
    service.extraPersonal = (f) => {
      const at = f.question?.indexOf('XYZ') ?? -1;
      return at < 0 ? [] : [{ field: 'question', spans: [{ start: at, end: at + 3, kind: 'name' }] }];
    };
    const { ov } = await started(service);
    ov.cases.edit({ question: ' XYZ商店の件で相談したい。' });
    expect(ov.state.cases.privacy.warnings).toEqual([]);
    await ov.cases.send();
    const { privacy, notice, draft } = ov.state.cases;
    expect(notice).toMatchObject({ intent: 'warning', text: expect.stringContaining('個人を特定できる情報') });
    expect(privacy.source).toBe('service');
    expect(segments(draft.question, privacy.warnings[0]!.spans).find((s) => s.kind)?.text).toBe('XYZ'); // offsets as typed
    await ov.cases.send(); // still not confirmed
    expect(service.writes()).toHaveLength(1);
    ov.cases.edit({ confirmed: true });
    expect(ov.state.cases.privacy.source).toBe('service');
    await ov.cases.send();
    expect(service.writes()).toHaveLength(2);
    expect(service.writes()[1]!.body).toMatchObject({
      question: ' XYZ商店の件で相談したい。',
      confirmedNoPersonalData: true,
    });
    expect(ov.state.cases.list).toHaveLength(1);
  });

  it('names missing fields and bad dates before sending anything', async () => {
    const { ov, service } = await started();
    ov.cases.edit({ claimId: null, question: '', dueDate: '2023/05/31', assessedYen: 'たくさん' });
    await ov.cases.send();
    expect(service.writes()).toEqual([]);
    expect(ov.state.cases.notice?.details).toEqual([
      '債権を選んでください。',
      '相談内容を入力してください。',
      '調定額（円）は円単位の数字で入力してください（例: 1,234,567）。',
      '納期限は 2024-05-31 の形で入力してください。',
    ]);
  });
});
