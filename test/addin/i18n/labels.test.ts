import { describe, expect, it } from 'vitest';
import { caseStatusLabel, periodLabel, reasonLabel, roleLabel, stateLabel } from '../../../addin/i18n/labels.js';
import { translator } from '../../../addin/i18n/messages.js';

const ja = translator('ja');
const en = translator('en');

describe('words for the service’s codes', () => {
  it('in Japanese, as the service words them today', () => {
    expect(stateLabel(ja, 'due')).toBe('今月分が未送信（期限前）');
    expect(stateLabel(ja, 'no-ledger')).toBe('計画はあるが台帳なし');
    expect(caseStatusLabel(ja, 'open')).toBe('回答待ち');
    expect(roleLabel(ja, 'accounting')).toBe('経理担当課');
    expect(roleLabel(ja, null)).toBe('その他');
    expect(reasonLabel(ja, 'behind-plan')).toBe('計画遅れ');
    expect(periodLabel(ja, { kind: 'monthly', day: 10 })).toBe('毎月10日までに送信');
    expect(periodLabel(ja, { kind: 'days', days: 31 })).toBe('31日以内ごとに送信');
  });

  it('in English where Office is not Japanese', () => {
    expect(stateLabel(en, 'never')).toBe('Never sent');
    expect(caseStatusLabel(en, 'closed')).toBe('Closed');
    expect(roleLabel(en, 'finance')).not.toMatch(/[\u3040-\u9fff]/);
  });
});
