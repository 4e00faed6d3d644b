/**
 * The names of the consolidated sheets. The service's workbook (consolidated.xlsx) and the pane's
 * 取りまとめ in the open workbook share eight sheets, named alike in both so the same figures are
 * found under the same name; each adds its own.
 */
const SHARED = {
  targets: '局別目標',
  claims: '債権別',
  submissions: '提出状況',
  aging: '滞納年数別',
  status: '未収金の状況',
  revenue: '主要債権収入状況',
  statusSources: '未収金の状況の出典',
  worklist: '対応件数',
} as const;

/** The service's consolidated.xlsx, in the workbook's order. */
export const WORKBOOK_SHEET_NAMES = { ...SHARED, rates: '収納率', provenance: '出典' } as const;

/** The pane's 取りまとめ: the shared sheets, the improvement list, and progress by bureau or division. */
export const PANE_SHEET_NAMES = {
  ...SHARED,
  improvement: '改善提案',
  bureauProgress: '局別進捗',
  divisionProgress: '課別進捗',
} as const;
