/**
 * Admin: the organisation (bureaus, divisions) and tokens. Tokens minted over the network are
 * scoped to a division or a bureau; finance and admin tokens are made with the command line.
 */
import { z } from 'zod';
import { Instant, Role, ROLES } from './common.js';

/**
 * The roles the admin API may mint: tokens scoped to one division or one bureau. A finance token
 * reads every ledger and an admin token mints tokens, so both are made only with the command line
 * on the service's own machine (`saiken token create --db …`), never over the network.
 */
export const API_MINTABLE_ROLES = ['division', 'accounting'] as const satisfies readonly Role[];

// Length and characters are checked after NFKC; this only bounds what is read.
const rawName = (what: string) =>
  z.string({ error: `${what}を文字列で指定してください。` }).max(400, { error: `${what}が長すぎます。` });

export const Organisation = z.object({
  rows: z.array(
    z.object({
      bureau_id: z.number().int(),
      bureau: z.string(),
      division_id: z.number().int().nullable(),
      division: z.string().nullable(),
      claim_id: z.number().int().nullable(),
      claim: z.string().nullable(),
      classification: z.string().nullable(),
    }),
  ),
});

export const NewBureau = z
  .object({
    name: rawName('局名'),
    divisions: z.array(rawName('課名')).max(500, { error: '課は一度に 500 までです。' }).default([]),
  })
  .strict();
export const Bureau = z.object({ id: z.number().int(), name: z.string(), sort_order: z.number().int() });

export const TokenList = z.object({
  tokens: z.array(
    z.object({
      id: z.number().int(),
      role: Role,
      bureau_id: z.number().int().nullable(),
      division_id: z.number().int().nullable(),
      bureau: z.string().nullable(),
      division: z.string().nullable(),
      label: z.string(),
      created_at: Instant,
      revoked_at: Instant.nullable(),
    }),
  ),
});

export const NewToken = z
  .object({
    // Every role parses: finance and admin are refused after, as cli-only, with how to make one.
    role: z.enum(ROLES, { error: `役割（role）は ${API_MINTABLE_ROLES.join('・')} のいずれかです。` }),
    bureau: rawName('局名').optional(),
    division: rawName('課名').optional(),
    label: z.string({ error: '名前（label）を文字列で指定してください。' }).max(400).default(''),
  })
  .strict();

/** The new token, shown this once (only its hash is kept). */
export const TokenCreated = z.object({
  token: z.string(),
  id: z.number().int(),
  role: Role,
  bureauId: z.number().int().nullable(),
  divisionId: z.number().int().nullable(),
  label: z.string(),
});

export const TokenParams = z.object({ id: z.string().regex(/^[1-9][0-9]{0,15}$/) });
