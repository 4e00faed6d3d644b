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
});
