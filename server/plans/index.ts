/** Parsing a plan import (年間計画の一括取込): the uploaded bytes to validated plan rows. */
import { importError } from './errors.js';
import { CSV_TYPE, readSheet, XLSX_TYPE, type SheetKind } from './sheet.js';
import { readPlanRows, readPlans, type PlanImportRow, type ReadPlanOptions, type ReadPlans } from './template.js';

export { CSV_TYPE, XLSX_TYPE } from './sheet.js';
export type { Milestone, PlanImportRow, ReadPlanOptions } from './template.js';
export type ParsedPlans = ReadPlans;
export { importError } from './errors.js';

/** The media types the import accepts (and express.raw reads). */
export const PLAN_FILE_TYPES = [CSV_TYPE, XLSX_TYPE];

export function sheetKindOf(contentType: string | undefined): { kind: SheetKind; charset?: string } {
  const [type = '', ...params] = (contentType ?? '').split(';').map((s) => s.trim());
  const charset = params
    .map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1])
    .find((c): c is string => c !== undefined);
  if (type.toLowerCase() === CSV_TYPE) return { kind: 'csv', charset };
  if (type.toLowerCase() === XLSX_TYPE) return { kind: 'xlsx' };
  throw importError(415, 'unsupported-media-type', `CSV（${CSV_TYPE}）か Excel（.xlsx）のファイルを送ってください。`, {
    row: null,
    column: null,
  });
}

export async function parsePlanFile(bytes: Uint8Array, contentType: string | undefined): Promise<PlanImportRow[]> {
  const { kind, charset } = sheetKindOf(contentType);
  return readPlanRows(await readSheet(bytes, kind, charset));
}

/** The rows and the personal-text gate's verdict on 取組み (see template.ts `readPlans`). */
export async function parsePlans(
  bytes: Uint8Array,
  contentType: string | undefined,
  o: ReadPlanOptions = {},
): Promise<ReadPlans> {
  const { kind, charset } = sheetKindOf(contentType);
  return readPlans(await readSheet(bytes, kind, charset), o);
}
