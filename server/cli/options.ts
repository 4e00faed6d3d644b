/** Option schemas shared by the commands: each problem is one Japanese sentence. */
import { z } from 'zod';
import { parseISODay, type Day } from '../../domain/calendar/day.js';
import { CLASSIFICATIONS, type Classification } from '../../domain/fields/catalogue.js';
import { parseEnumField } from '../../domain/values/enum.js';

export const asOfOption = z.string().transform((s, ctx): Day => {
  const day = parseISODay(s.trim());
  if (day === null) {
    ctx.addIssue({
      code: 'custom',
      message: `基準日（--as-of）「${s}」は、実在する日付を YYYY-MM-DD の形で指定してください（例: 2025-03-31）。`,
    });
    return z.NEVER;
  }
  return day;
});

export const claimTypeOption = z
  .string()
  .trim()
  .min(1, { error: '債権名（--claim-type）が空です。例: --claim-type 保育料' });

export const classificationOption = z.string().transform((s, ctx): Classification => {
  const p = parseEnumField('classification', s);
  if (!p.ok || p.value === null) {
    ctx.addIssue({
      code: 'custom',
      message: `債権区分（--classification）「${s}」は使えません。${CLASSIFICATIONS.join('、')} のいずれかを指定してください。`,
    });
    return z.NEVER;
  }
  return p.value;
});

export const langOption = z.enum(['ja', 'en'], { error: '表示言語（--lang）は ja か en を指定してください。' });
