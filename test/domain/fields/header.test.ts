import { describe, expect, it } from 'vitest';
import { detectHeader, MIN_HEADER_MATCHES, type MergedRange } from '../../../domain/fields/header.js';
import { FIELDS, type FieldKey } from '../../../domain/fields/catalogue.js';
import type { HeaderDetection } from '../../../domain/fields/mapping.js';
import type { Cell } from '../../../domain/values/parsed.js';

type Rows = Cell[][];

/** field → "letter reason matched ×scale", the compact form the tables compare. */
function summary(d: HeaderDetection | null): Partial<Record<FieldKey, string>> {
  if (!d) throw new Error('no header detected');
  return Object.fromEntries(d.columns.map((m) => [m.field, `${m.letter} ${m.reason} ${m.matched} ×${m.scale}`]));
}

const headers = (d: HeaderDetection | null) => Object.fromEntries((d?.columns ?? []).map((m) => [m.field, m.header]));
const letters = (list: { letter: string }[] | undefined) => (list ?? []).map((u) => u.letter);
const at = (top: number, left: number, bottom: number, right: number): MergedRange => ({ top, left, bottom, right });

describe('detectHeader: one-row headers', () => {
  it('finds a header in row 1', () => {
    const d = detectHeader([
      ['整理番号', '氏名', '調定額', '備考', '', '納期限'],
      ['A001', '山田 太郎', 1000, '', '', new Date(2024, 4, 31)],
    ]);
    expect(d?.headerRows).toEqual([1]);
    expect(d?.dataStartRow).toBe(2);
    expect(summary(d)).toEqual({
      debtorId: 'A synonym 整理番号 ×1',
      debtorName: 'B label 氏名 ×1',
      assessedAmount: 'C label 調定額 ×1',
      dueDate: 'F label 納期限 ×1',
    });
    expect(d?.unmatched).toEqual([{ column: 3, letter: 'D', header: '備考' }]);
    expect(d?.personalNumberColumns).toEqual([]);
  });

  it.each<[string, Rows, MergedRange[] | undefined, number]>([
    ['a title in A1', [['令和6年度 国民健康保険料 債権管理台帳'], ['整理番号', '氏名', '調定額']], undefined, 2],
    [
      'a title, a date line and a blank row',
      [['令和6年度 国民健康保険料 債権管理台帳'], ['作成日', '2024/4/1'], [], ['整理番号', '氏名', '調定額']],
      undefined,
      4,
    ],
    [
      'a merged title repeated in every cell (ExcelJS)',
      [Array<Cell>(3).fill('令和6年度 債権管理台帳'), ['整理番号', '氏名', '調定額']],
      undefined,
      2,
    ],
    ['a merged title, merges given', [['令和6年度 債権管理台帳'], ['整理番号', '氏名', '調定額']], [at(0, 0, 0, 2)], 2],
    ['a title over a header with gaps', [['債権管理台帳'], ['整理番号', '', '氏名', '', '調定額']], undefined, 2],
  ])('finds the header below %s', (_, rows, merges, row) => {
    const d = detectHeader(rows, merges ? { merges } : {});
    expect(d?.headerRows).toEqual([row]);
    expect(d?.dataStartRow).toBe(row + 1);
    expect(Object.keys(summary(d))).toEqual(['debtorId', 'debtorName', 'assessedAmount']);
  });

  it('does not take the first data row, blank or not, as a second header row', () => {
    const header = ['整理番号', '氏名', '調定額', '備考'];
    expect(detectHeader([header, ['A001', '', 1000, '']])?.headerRows).toEqual([1]);
    expect(detectHeader([header, []])?.headerRows).toEqual([1]);
    expect(detectHeader([header, ['', '', '', '']])?.headerRows).toEqual([1]);
    // 電話 is a header synonym (phone), but here a value of 催告方法 in a row with its other cells blank.
    expect(
      detectHeader([
        ['整理番号', '氏名', '催告方法'],
        ['', '', '電話'],
      ])?.headerRows,
    ).toEqual([1]);
  });

  it('reads full-width letters and brackets, spaces and line breaks', () => {
    const d = detectHeader([
      ['債務者ＩＤ', '氏\u3000名', '督促状\n発付日', '収入 未済額', '調定額（円）', '収入済額(千円)'],
    ]);
    expect(summary(d)).toEqual({
      debtorId: 'A synonym 債務者ID ×1',
      debtorName: 'B label 氏名 ×1',
      demandDate: 'C label 督促状発付日 ×1',
      outstanding: 'D label 収入未済額 ×1',
      assessedAmount: 'E label 調定額 ×1',
      paidAmount: 'F label 収入済額 ×1000',
    });
    expect(headers(d)['demandDate']).toBe('督促状\n発付日');
  });

  it('gives a field its label column over an earlier synonym column, else its first column', () => {
    const d = detectHeader([['整理番号', '債務者番号', '管理番号', '氏名', '名前']]);
    expect(summary(d)).toEqual({ debtorId: 'B label 債務者番号 ×1', debtorName: 'D label 氏名 ×1' });
    expect(letters(d?.unmatched)).toEqual(['A', 'C', 'E']);
    const e = detectHeader([['整理番号', '管理番号', '氏名']]);
    expect(summary(e)['debtorId']).toBe('A synonym 整理番号 ×1');
  });

  it.each(FIELDS.flatMap((d) => d.synonyms.map((s) => [d.key, s] as const)))('maps %s from %s', (key, synonym) => {
    const other = key === 'debtorName' ? '住所' : '氏名';
    const d = detectHeader([[synonym, other]]);
    expect(d?.columns.find((m) => m.column === 0)).toMatchObject({ field: key, reason: 'synonym', header: synonym });
  });

  it('sets personal-number columns apart and never maps them', () => {
    const d = detectHeader([
      ['整理番号', '個人番号', 'マイナンバー', '個人番号（マイナンバー）', 'マイナンバー(個人番号)', '氏名', '備考'],
    ]);
    expect(letters(d?.personalNumberColumns)).toEqual(['B', 'C', 'D', 'E']);
    expect(letters(d?.columns)).toEqual(['A', 'F']);
    expect(letters(d?.unmatched)).toEqual(['G']);
  });

  it.each<[string, Rows]>([
    ['no rows', []],
    ['empty rows', [[], [null, undefined, '']]],
    ['data only', [['A001', 1000, new Date(2024, 3, 1), true]]],
    [`fewer than ${MIN_HEADER_MATCHES} fields`, [['氏名', '備考', 'メモ']]],
    ['one field twice', [['氏名', '氏名']]],
  ])('returns null for %s', (_, rows) => {
    expect(detectHeader(rows)).toBeNull();
  });

  it('looks at the first 30 rows unless told otherwise', () => {
    const rows = (blank: number): Rows => [...Array.from({ length: blank }, () => []), ['氏名', '住所']];
    expect(detectHeader(rows(29))?.headerRows).toEqual([30]);
    expect(detectHeader(rows(30))).toBeNull();
    expect(detectHeader(rows(30), { maxScanRows: 31 })?.headerRows).toEqual([31]);
    expect(detectHeader(rows(2), { maxScanRows: 2 })).toBeNull();
  });

  it('prefers the row with more fields, and the earlier of two equal rows', () => {
    const d = detectHeader([['氏名', '住所'], [], ['整理番号', '氏名', '住所'], ['氏名', '住所', '電話']]);
    expect(d?.headerRows).toEqual([3]);
    expect(
      detectHeader([
        ['氏名', '住所'],
        ['調定額', '納期限'],
      ])?.headerRows,
    ).toEqual([1]);
  });
});
