/**
 * The city's late-charge table (延滞金の設定): profiles per classification and claim type, and the
 * 特例 rates the city adds each December. Finance keeps it; every pane and `saiken latecharge` read
 * it when connected, and the built-in table (`domain/late-charge`) is what they use otherwise.
 */
import { z } from 'zod';
import { LateChargeTable, SpecialRateLine } from '../late-charge/profile.js';

export const CityLateCharges = z.object({
  /** `builtin` until finance saves a table of the city's own. */
  source: z.enum(['service', 'builtin']),
  /** 0 for the built-in table; each save adds 1 (a save names the version it edited). */
  version: z.number().int().nonnegative(),
  updatedAt: z.string().nullable(),
  table: LateChargeTable,
});
export type CityLateCharges = z.infer<typeof CityLateCharges>;

export const SaveLateCharges = z.object({ version: z.number().int().nonnegative(), table: LateChargeTable }).strict();
export type SaveLateCharges = z.infer<typeof SaveLateCharges>;

export const RateYearParams = z.object({ year: z.string().regex(/^\d{4}$/) });

/** One year's 特例 rates, added or replaced without sending the whole table. */
export const SpecialRateBody = SpecialRateLine.omit({ year: true });
