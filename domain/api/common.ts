/**
 * Pieces every area of the API shares: roles, the organisation as answers show it, amounts, dates,
 * who wrote a version, and the request fields with the service's Japanese messages. Answers are
 * plain objects (unknown keys are dropped on parse, so an older pane reads a newer service).
 */
import { z } from 'zod';
import { parseISODay } from '../calendar/day.js';
import { isMonth } from '../plans/milestones.js';
import { MAX_FISCAL_YEAR, MAX_YEN, MAX_YEN_LABEL, MIN_FISCAL_YEAR } from '../values/limits.js';

/** The four kinds of token. */
export const ROLES = ['division', 'accounting', 'finance', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** A bureau, division or claim as answers name it. */
export const Org = z.object({ id: z.number().int(), name: z.string() });

/** Whole yen of one claim or ledger: a JSON number, exact (every amount is at most MAX_YEN). */
export const Yen = z.number().int();
export const YenOrNull = Yen.nullable();

/**
 * A sum over many claims (domain/reports/exact.ts): a JSON number while it is within ±(2^53 − 1),
 * the decimal digits as a string beyond, never a rounded number.
 */
export const ExactYen = z
  .union([z.number().int(), z.string().regex(/^-?\d+$/)])
  .meta({ description: 'exact integer: a number up to 2^53 − 1, decimal digits as a string beyond' });

/** An ISO 8601 instant (`2024-10-01T03:00:00.000Z`). */
export const Instant = z.string().meta({ description: 'ISO 8601 instant' });
/** A Japanese calendar day, `YYYY-MM-DD`. */
export const Day = z.string().meta({ description: 'YYYY-MM-DD' });
/** A month, `YYYY-MM`. */
export const Month = z.string().meta({ description: 'YYYY-MM' });

/** Who wrote a version: the token's role and label (never the token); null for an import. */
export const Author = z.object({ role: z.string(), label: z.string() }).nullable();

/** A claim with its organisation. */
export const ClaimView = z.object({
  id: z.number().int(),
  name: z.string(),
  classification: z.string().nullable(),
  bureau: Org,
  division: Org,
});

/** The organisation fields of a ledger or claim in the oversight lists. */
export const OrgOf = { bureau: Org, division: Org };

// Requests ---------------------------------------------------------------------------------------

/** A fiscal year in a path or query: `2024`, `R6` or `令和6年度`, within 1947–2100. */
export const FiscalYearText = z.string().max(20).meta({ description: 'fiscal year: 2024, R6 or 令和6年度' });
export const FyQuery = z.object({ fy: FiscalYearText });
/** A fiscal year that reads as one but is outside the years saiken works with. */
export const FISCAL_YEAR_RANGE_MESSAGE = `年度は ${MIN_FISCAL_YEAR}〜${MAX_FISCAL_YEAR} 年度（昭和22年度〜）の範囲で指定してください。`;
/** A record id in a path: a positive integer. */
export const IdText = z.string().regex(/^[1-9][0-9]{0,15}$/);

export const yen = (what: string) =>
  z
    .number({ error: `${what}は円単位の整数で指定してください。` })
    .int({ error: `${what}は円単位の整数で指定してください。` })
    .min(0, { error: `${what}は 0 以上で指定してください。` })
    .max(MAX_YEN, { error: `${what}は ${MAX_YEN_LABEL} 以下で指定してください。` });

export const text = (what: string, max: number, min = 1) =>
  z
    .string({ error: `${what}を文字列で指定してください。` })
    .trim()
    .min(min, { error: `${what}を入力してください。` })
    .max(max, { error: `${what}は ${max} 文字以内で入力してください。` });

export const month = () => z.string().refine(isMonth, { error: '月は 2024-09 のように年-月で指定してください。' });

export const day = (what: string) =>
  z
    .string({ error: `${what}は 2024-05-31 の形で指定してください。` })
    .refine((s) => parseISODay(s) !== null, { error: `${what}は 2024-05-31 の形の実在する日付で指定してください。` });

/** The sender's 「個人情報は含まれていません」 after a looks-personal warning (never enough for a My Number). */
export const confirmedFlag = z
  .boolean({ error: 'confirmedNoPersonalData は true か false で指定してください。' })
  .default(false);
