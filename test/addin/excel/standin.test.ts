/** The stand-in keeps Office.js's rules, so that the adapter's tests against it mean something. */
import { describe, expect, it } from 'vitest';
import { ExcelHost } from './excel-standin.js';

function host(): ExcelHost {
  const h = new ExcelHost();
  h.addSheet('台帳', [
    ['番号', '氏名'],
    [1, 'あ'],
  ]);
  return h;
}

describe('Excel host stand-in', () => {
  it('throws PropertyNotLoaded for a property read before load and sync', async () => {
    const h = host();
    await h.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('台帳').getRange('A1:B2');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded/); // loaded only at sync
      await ctx.sync();
      expect(range.values).toEqual([
        ['番号', '氏名'],
        [1, 'あ'],
      ]);
      expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
      const ws = ctx.workbook.worksheets.getItemOrNullObject('none');
      expect(() => ws.isNullObject).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  it('applies queued writes at sync only, in order, and counts requests', async () => {
    const h = host();
    const before = h.requests.length;
    await h.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('台帳').getRange('C1');
      range.values = [['x']];
      expect(range.values).toEqual([['x']]); // a set property reads back
      expect(h.sheet('台帳').value(0, 2)).toBe('');
      await ctx.sync();
      expect(h.sheet('台帳').value(0, 2)).toBe('x');
      await ctx.sync(); // nothing queued: no request
    });
    expect(h.stats(before).requests).toBe(1);
  });

  it('rejects a request over the payload limit whole, and a matrix that does not fit its range', async () => {
    const h = new ExcelHost({ payloadLimit: 10_000 });
    h.addSheet('S');
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1000, 5).values = Array.from(
          { length: 1000 },
          () => Array(5).fill('abc'),
        );
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(h.sheet('S').usedArea(true)).toBeNull();
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B2').values = [[1]];
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    const read = new ExcelHost({ payloadLimit: 10_000 });
    read.addSheet(
      'S',
      Array.from({ length: 500 }, () => Array(5).fill('abcdef')),
    );
    await expect(
      read.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:E500').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('refuses to delete a very hidden sheet, as Excel does', async () => {
    const h = host();
    h.addSheet('hidden').visibility = 'VeryHidden';
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('hidden').delete();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(h.model.find('hidden')).not.toBeNull();
  });

  it('fails a request on a missing item, and a method result before sync', async () => {
    const h = host();
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('none').load('name');
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await h.run(async (ctx) => {
      const part = ctx.workbook.customXmlParts.add('<a xmlns="urn:x">1</a>');
      const xml = part.getXml();
      expect(() => xml.value).toThrow(/ValueNotLoaded/);
      await ctx.sync();
      expect(xml.value).toBe('<a xmlns="urn:x">1</a>');
    });
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.customXmlParts.add('<a>1 & 2</a>');
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('gives details only for a single cell, and none for a paste over many', async () => {
    const h = host();
    const seen: unknown[] = [];
    h.sheet('台帳').handlers.add(async (args) => void seen.push(args.details));
    await h.fireChanged('台帳', 'B2');
    await h.fireChanged('台帳', 'A2:B3');
    expect(seen[0]).toBeDefined();
    expect(seen[1]).toBeUndefined();
  });

  it('moves cells and conditional formats with inserted rows, but not what a formula reads elsewhere', async () => {
    const h = host();
    const s = h.sheet('台帳');
    s.condFormats.push({
      id: 'x',
      type: 'Custom',
      area: { row: 1, column: 0, rows: 1, columns: 2 },
      formula: "='f'!A2=1",
      fill: 'red',
    });
    await h.insertRows('台帳', 1, 2);
    expect(s.value(2, 1)).toBe('氏名');
    expect(s.condFormats[0]).toMatchObject({ area: { row: 3, rows: 1 }, formula: "='f'!A2=1" });
    await h.deleteRows('台帳', 1, 3);
    expect(s.value(0, 1)).toBe('あ');
    expect(s.condFormats[0]?.area).toMatchObject({ row: 0, rows: 1 });
    await h.deleteColumns('台帳', 0, 2);
    expect(s.condFormats).toHaveLength(0);
  });

  it('answers values null for a read over its cell limit', async () => {
    const h = new ExcelHost({ maxReadCells: 3 });
    h.addSheet('S', [
      [1, 2],
      [3, 4],
    ]);
    const values = await h.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('S').getRange('A1:B2').load('values');
      await ctx.sync();
      return range.values;
    });
    expect(values).toBeNull();
  });

  it('refuses a request while a cell is edited, or holds it when the run asked to wait', async () => {
    const h = host();
    const read = (options?: { delayForCellEdit: boolean }) =>
      h.run(options ?? {}, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('台帳').getRange('A1').load('values');
        await ctx.sync();
        return r.values[0]?.[0];
      });
    h.startCellEdit();
    await expect(read()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    const held = read({ delayForCellEdit: true });
    h.endCellEdit();
    expect(await held).toBe('番号');
    h.apiMinor = 10; // delayForCellEdit is ExcelApi 1.11
    h.startCellEdit();
    await expect(read({ delayForCellEdit: true })).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    h.endCellEdit();
  });
});
