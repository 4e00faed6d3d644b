import { describe, expect, it } from 'vitest';
import { checkName, nameProblemMessage } from '../../../domain/text/org-name.js';

describe('checkName', () => {
  it('folds to one spelling: NFKC, spaces collapsed and trimmed', () => {
    expect(checkName(' ｺﾄﾞﾓ　青少年局 ')).toEqual({ ok: true, value: 'コドモ 青少年局' });
    expect(checkName('子ども青少年局')).toEqual({ ok: true, value: '子ども青少年局' });
  });

  it.each([
    ['a\u0000b', 'control'],
    ['保育課\n', 'control'],
    ['保育\tb', 'control'],
    ['保育\u200b課', 'invisible'],
    ['\ufeff保育課', 'invisible'],
    ['保育\u2060課', 'invisible'],
    ['保育\u00ad課', 'invisible'],
    ['局\u202e課', 'bidi'],
    ['局\u2067課', 'bidi'],
    ['局\ud800課', 'surrogate'],
    ['局\udc00', 'surrogate'],
    ['   ', 'empty'],
    ['局'.repeat(101), 'too-long'],
  ] as const)('refuses %j (%s)', (raw, problem) => {
    expect(checkName(raw)).toEqual({ ok: false, problem });
    expect(nameProblemMessage('局名', problem)).toMatch(/^局名/);
  });

  it('takes a character outside the BMP as one', () => {
    expect(checkName('𠮷'.repeat(100))).toMatchObject({ ok: true });
  });
});
