/** Fields the plan, oversight and hard-case bodies share, with their Japanese messages. */
import { z } from 'zod';
import { MAX_YEN, MAX_YEN_LABEL } from '../../domain/values/limits.js';

export const yen = (what: string) =>
  z
    .number({ error: `${what}は円単位の整数で指定してください。` })
    .int({ error: `${what}は円単位の整数で指定してください。` })
    .min(0, { error: `${what}は 0 以上で指定してください。` })
    .max(MAX_YEN, { error: `${what}は ${MAX_YEN_LABEL} 以下で指定してください。` });

/** The sender's 「個人情報は含まれていません」 after a looks-personal warning (never enough for a My Number). */
export const confirmedFlag = z
  .boolean({ error: 'confirmedNoPersonalData は true か false で指定してください。' })
  .default(false);

export const text = (what: string, max: number, min = 1) =>
  z
    .string({ error: `${what}を文字列で指定してください。` })
    .trim()
    .min(min, { error: `${what}を入力してください。` })
    .max(max, { error: `${what}は ${max} 文字以内で入力してください。` });

/** A positive integer id from a path (`:claimId`, `:id`), or null: an id of another form cannot exist. */
export function pathId(param: unknown): number | null {
  const id = typeof param === 'string' && /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : NaN;
  return Number.isSafeInteger(id) ? id : null;
}
