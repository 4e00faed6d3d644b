/** Who the caller is, and the city's key for hashing debtor ids (division tokens only). */
import { z } from 'zod';
import { Role } from './common.js';

export const Me = z.object({
  role: Role,
  bureau: z.string().nullable(),
  division: z.string().nullable(),
  /** The rule catalogue's version the service checks with. */
  rulesetVersion: z.string(),
});
export type Me = z.infer<typeof Me>;

export const CityKey = z.object({ key: z.string().min(16) });
