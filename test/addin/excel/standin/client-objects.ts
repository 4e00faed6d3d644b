/**
 * The stand-in's workbook, worksheets, ranges and events: the subset of the Excel object model the
 * adapter uses, with Excel's rules where the adapter could trip on them (a very hidden sheet cannot be
 * deleted, a written matrix must fit its range, the last visible sheet stays).
 */
import { ClientObject, Collection, HostError, type Context } from './client-base.js';
import { AutoFilter, ChartCollection, clearRange, FreezePanes, RangeFormat } from './client-charts.js';
import { ConditionalFormatCollection } from './client-formats.js';
import { CustomXmlPartCollection } from './client-xml.js';
import { displayedText } from './display.js';
import {
  areaAddress,
  intersects,
  MAX_COLUMNS,
  MAX_ROWS,
  parseArea,
  type Area,
  type CellValue,
  type ChangedArgs,
  type SheetModel,
  type Visibility,
} from './model.js';

export interface RangeTarget {
  sheet: SheetModel;
  area: Area;
}

const quoteName = (name: string): string => (/^[A-Za-z_][\w.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

export class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly customXmlParts: CustomXmlPartCollection;
  constructor(readonly context: Context) {
    this.worksheets = new WorksheetCollection(context, () => context.model.sheets);
    this.customXmlParts = new CustomXmlPartCollection(context, () => context.model.parts);
  }
}

export class WorksheetCollection extends Collection<SheetModel, Worksheet> {
  wrap(m: SheetModel): Worksheet {
    return new Worksheet(this.context, () => (this.context.model.sheets.includes(m) ? m : null));
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.model.active());
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.find(key));
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.find(key), true);
  }
  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    this.context.queue(name, () => {
      if (name !== undefined && this.context.model.find(name)) throw new HostError('ItemAlreadyExists', name);
      if (name !== undefined && !/^[^:\\/?*[\]]{1,31}$/.test(name)) throw new HostError('InvalidArgument', name);
      created = this.context.model.addSheet(name);
    });
    return new Worksheet(this.context, () => created);
  }
}

export class Worksheet extends ClientObject<SheetModel> {
  readonly scalars = ['id', 'name', 'visibility', 'position'];

  readProp(s: SheetModel, name: string): unknown {
    if (name === 'position') return this.context.model.sheets.indexOf(s);
    return name === 'id' ? s.id : name === 'name' ? s.name : s.visibility;
  }
  get id(): string {
    return this.prop('id');
  }
  get name(): string {
    return this.prop('name');
  }
  get visibility(): Visibility {
    return this.prop('visibility');
  }
  set visibility(v: Visibility) {
    this.write('visibility', v, (s) => {
      const others = this.context.model.sheets.filter((o) => o !== s && o.visibility === 'Visible');
      if (v !== 'Visible' && others.length === 0) throw new HostError('InvalidOperation', 'the last visible sheet');
      s.visibility = v;
      if (v !== 'Visible' && this.context.model.activeId === s.id) this.context.model.activeId = others[0]?.id ?? '';
    });
  }
  activate(): void {
    this.write(undefined, undefined, (s) => {
      if (s.visibility !== 'Visible') throw new HostError('InvalidOperation', 'cannot activate a hidden sheet');
      this.context.model.activeId = s.id;
    });
  }
  delete(): void {
    this.write(undefined, undefined, (s) => {
      const model = this.context.model;
      if (s.visibility === 'VeryHidden') throw new HostError('InvalidOperation', 'cannot delete a very hidden sheet');
      const visible = model.sheets.filter((o) => o !== s && o.visibility === 'Visible');
      if (visible.length === 0) throw new HostError('InvalidOperation', 'cannot delete the last visible sheet');
      model.sheets.splice(model.sheets.indexOf(s), 1);
      if (model.activeId === s.id) model.activeId = visible[0]?.id ?? '';
    });
  }
  getRange(address?: string): Range {
    return new Range(this.context, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, area: { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } };
      const area = parseAddress(address);
      if (!area) throw new HostError('InvalidArgument', `address ${address}`);
      return { sheet, area };
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): Range {
    return new Range(this.context, () => {
      const ok = row >= 0 && column >= 0 && rows > 0 && columns > 0;
      if (!ok || row + rows > MAX_ROWS || column + columns > MAX_COLUMNS)
        throw new HostError('InvalidArgument', 'indexes');
      return { sheet: this.target(), area: { row, column, rows, columns } };
    });
  }
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, () => {
      const sheet = this.target();
      return { sheet, area: sheet.usedArea(valuesOnly) ?? { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    const locate = (): RangeTarget | null => {
      const sheet = this.target();
      const area = sheet.usedArea(valuesOnly);
      return area ? { sheet, area } : null;
    };
    return new Range(this.context, locate, true);
  }
  get onChanged(): EventSource {
    return new EventSource(this.context, () => this.target());
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.context, () => this.target());
  }
  get freezePanes(): FreezePanes {
    return new FreezePanes(this.context, () => this.target());
  }
  get autoFilter(): AutoFilter {
    return new AutoFilter(this.context, () => this.target());
  }
}

function parseAddress(address: string): Area | null {
  return parseArea(address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address);
}

function matrix<V>(t: RangeTarget, cell: (r: number, c: number) => V): V[][] {
  const { row, column, rows, columns } = t.area;
  return Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => cell(row + i, column + j)));
}

/** Writes a matrix the size of the range; null leaves a cell as it is, as in Office.js. */
function assign(t: RangeTarget, value: unknown, set: (r: number, c: number, v: unknown) => void): void {
  const { row, column, rows, columns } = t.area;
  const fits =
    Array.isArray(value) && value.length === rows && value.every((l) => Array.isArray(l) && l.length === columns);
  if (!fits) throw new HostError('InvalidArgument', `the matrix does not match the range ${areaAddress(t.area)}`);
  (value as unknown[][]).forEach((line, i) =>
    line.forEach((v, j) => {
      if (v !== null) set(row + i, column + j, v);
    }),
  );
}

export class Range extends ClientObject<RangeTarget> {
  readonly scalars = [
    'values',
    'numberFormat',
    'text',
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
  ];

  readProp(t: RangeTarget, name: string): unknown {
    const host = this.context.host;
    switch (name) {
      case 'values':
        // Past Excel's cell limit for one read, values come back null rather than as an error.
        if (t.area.rows * t.area.columns > host.maxReadCells) return null;
        return matrix(t, (r, c) => t.sheet.value(r, c));
      case 'text':
        return matrix(t, (r, c) => displayedText(t.sheet.value(r, c), t.sheet.format(r, c), host.platform));
      case 'numberFormat':
        return matrix(t, (r, c) => t.sheet.format(r, c));
      case 'address':
        return `${quoteName(t.sheet.name)}!${areaAddress(t.area)}`;
      case 'rowIndex':
        return t.area.row;
      case 'columnIndex':
        return t.area.column;
      case 'rowCount':
        return t.area.rows;
      default:
        return t.area.columns;
    }
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.write('values', v, (t) =>
      assign(t, v, (r, c, x) => {
        if (!['string', 'number', 'boolean'].includes(typeof x)) throw new HostError('InvalidArgument', 'a cell value');
        t.sheet.enter(r, c, x as CellValue);
      }),
    );
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  get text(): string[][] {
    return this.prop('text');
  }
  set numberFormat(v: unknown[][]) {
    this.write('numberFormat', v, (t) => assign(t, v, (r, c, x) => t.sheet.setFormat(r, c, String(x))));
  }
  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  select(): void {
    this.write(undefined, undefined, (t) => {
      if (t.sheet.visibility !== 'Visible') throw new HostError('InvalidSelection', 'a hidden sheet');
      this.context.model.activeId = t.sheet.id;
      this.context.model.selection = { sheetId: t.sheet.id, area: { ...t.area } };
    });
  }
  get format(): RangeFormat {
    return new RangeFormat(this.context, () => this.target());
  }
  /** ExcelApi 1.7. A link within the workbook; the stand-in keeps its reference and shows its text. */
  set hyperlink(v: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.write('hyperlink', v, (t) => {
      if (this.context.host.apiMinor < 7) throw new HostError('ApiNotFound', 'hyperlink needs ExcelApi 1.7');
      if (t.area.rows !== 1 || t.area.columns !== 1) throw new HostError('InvalidArgument', 'one cell');
      t.sheet.links.set(`${t.area.row}:${t.area.column}`, v.documentReference ?? v.address ?? '');
      if (v.textToDisplay !== undefined) t.sheet.setValue(t.area.row, t.area.column, v.textToDisplay);
    });
  }
  clear(applyTo = 'All'): void {
    this.write(undefined, applyTo, (t) => clearRange(t, applyTo));
  }
  /** The range at sync time, for charts.add. */
  resolve(): RangeTarget {
    return this.target();
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this.context, () => this.target());
  }
  /** ExcelApi 1.13: fails the request on an older host, as a missing API does. */
  getMergedAreasOrNullObject(): RangeAreas {
    const minor = this.context.host.apiMinor;
    return new RangeAreas(
      this.context,
      () => {
        if (minor < 13) throw new HostError('ApiNotFound', 'getMergedAreasOrNullObject needs ExcelApi 1.13');
        const t = this.target();
        const areas = t.sheet.merges.filter((m) => intersects(m, t.area));
        return areas.length > 0 ? { sheet: t.sheet, areas } : null;
      },
      true,
    );
  }
}

export class RangeAreas extends ClientObject<{ sheet: SheetModel; areas: Area[] }> {
  readonly scalars = ['address', 'areaCount'];
  readProp(t: { sheet: SheetModel; areas: Area[] }, name: string): unknown {
    if (name === 'areaCount') return t.areas.length;
    return t.areas.map((a) => `${quoteName(t.sheet.name)}!${areaAddress(a)}`).join(',');
  }
  get address(): string {
    return this.prop('address');
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
}

export class EventSource {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => SheetModel,
  ) {}
  add(handler: (args: ChangedArgs) => Promise<unknown>): { context: Context; remove(): void } {
    let registered: SheetModel | undefined;
    this.context.queue(undefined, () => {
      registered = this.sheet();
      registered.handlers.add(handler);
    });
    const context = this.context;
    return {
      context,
      remove: () => context.queue(undefined, () => registered?.handlers.delete(handler)),
    };
  }
}
