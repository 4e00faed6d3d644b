/** The service's ExcelJS writer: a link within the workbook is a hyperlink's location, never a formula. */
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportSheet } from '../../../domain/reports/report-sheet.js';
import { renderSheet } from '../../../server/reports/render-xlsx.js';

describe('renderSheet', () => {
  it('writes a link to another sheet as the hyperlink location, keeping the text; no formula anywhere', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("債務's 台帳");
    renderSheet(
      wb,
      reportSheet({
        name: '対応リスト',
        columns: [
          { header: '行', width: 8 },
          { header: '名', width: 8 },
        ],
        rows: [
          ['8、9', '=HYPERLINK("http://example.invalid","x")'],
          ['12', 'y'],
        ],
        links: [{ row: 0, column: 0, sheet: "債務's 台帳", address: 'B8' }],
      }),
    );
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(xml).toContain('<hyperlink ref="A2"');
    expect(xml).toContain('location="&apos;債務&apos;&apos;s 台帳&apos;!B8"');
    expect(xml).not.toContain('<f>');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as never);
    const cell = back.getWorksheet('対応リスト')!.getCell('A2');
    expect(cell.text).toBe('8、9');
    expect(back.getWorksheet('対応リスト')!.getCell('A3').hyperlink).toBeUndefined();
  });
});
