/** How a number in a cell becomes a date, as Excel (and the ExcelJS-based reader before) decided it. */

/** Shown for a formula whose cached result is an error of unknown kind. */
export const FORMULA_ERROR_TEXT = '#VALUE!';

/** A format with date or time letters outside quotes and brackets shows a date (as ExcelJS decides it). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel serial → Date at UTC midnight (plus the time of day), as ExcelJS converts date cells. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}
