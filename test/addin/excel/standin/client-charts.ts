/**
 * Charts, frozen panes and range formats (column width, bold) in the stand-in: what the add-in's
 * 取りまとめ uses. A chart records its type, source range, series orientation, title and position;
 * nothing is drawn. An unknown chart type or a bad position fails the request, as in Excel.
 */
import { ClientObject, Collection, HostError, type Context } from './client-base.js';
import type { RangeTarget } from './client-objects.js';
import { parseArea, type ChartModel, type SheetModel } from './model.js';

/** The chart types the stand-in knows (a subset of Excel.ChartType). */
const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'Line',
  'LineMarkers',
  'Pie',
  'Area',
  'XYScatter',
]);
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);

function ownerOf(context: Context, chart: ChartModel): SheetModel | undefined {
  return context.model.sheets.find((s) => s.charts.includes(chart));
}

export class ChartCollection extends Collection<ChartModel, Chart> {
  constructor(
    context: Context,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, () => sheet().charts);
  }
  wrap(m: ChartModel): Chart {
    return new Chart(this.context, () => (ownerOf(this.context, m) ? m : null));
  }
  add(type: string, sourceData: { resolve(): RangeTarget }, seriesBy = 'Auto'): Chart {
    let created: ChartModel | null = null;
    this.context.queue([type, seriesBy], () => {
      if (!CHART_TYPES.has(type)) throw new HostError('InvalidArgument', `chart type ${type}`);
      if (!SERIES_BY.has(seriesBy)) throw new HostError('InvalidArgument', `seriesBy ${seriesBy}`);
      const sheet = this.sheet();
      const src = sourceData.resolve();
      const n = sheet.charts.length + 1;
      created = {
        id: this.context.model.nextId('chart'),
        name: `Chart ${n}`,
        type,
        sourceSheetId: src.sheet.id,
        source: { ...src.area },
        seriesBy,
        title: '',
        position: null,
      };
      sheet.charts.push(created);
    });
    return new Chart(this.context, () => created);
  }
  getItemOrNullObject(name: string): Chart {
    return new Chart(this.context, () => this.sheet().charts.find((c) => c.name === name) ?? null, true);
  }
}

export class Chart extends ClientObject<ChartModel> {
  readonly scalars = ['id', 'name', 'chartType'];
  readProp(c: ChartModel, name: string): unknown {
    return name === 'id' ? c.id : name === 'name' ? c.name : c.type;
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.write('name', v, (c) => {
      if (v.trim() === '') throw new HostError('InvalidArgument', 'a chart name');
      c.name = v;
    });
  }
  get title(): ChartTitle {
    return new ChartTitle(this.context, this.locate);
  }
  setPosition(startCell: string, endCell?: string): void {
    this.write(undefined, [startCell, endCell], (c) => {
      if (!parseArea(startCell) || (endCell !== undefined && !parseArea(endCell)))
        throw new HostError('InvalidArgument', `position ${startCell}:${endCell}`);
      c.position = { from: startCell.toUpperCase(), to: endCell?.toUpperCase() };
    });
  }
  delete(): void {
    this.write(undefined, undefined, (c) => {
      const list = ownerOf(this.context, c)?.charts;
      list?.splice(list.indexOf(c), 1);
    });
  }
}

export class ChartTitle extends ClientObject<ChartModel> {
  readonly scalars = ['text'];
  readProp(c: ChartModel): unknown {
    return c.title;
  }
  get text(): string {
    return this.prop('text');
  }
  set text(v: string) {
    this.write('text', v, (c) => {
      c.title = v;
    });
  }
}

export class FreezePanes {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => SheetModel,
  ) {}
  freezeRows(count = 1): void {
    this.context.queue(count, () => {
      if (!Number.isInteger(count) || count < 0) throw new HostError('InvalidArgument', 'freezeRows');
      this.sheet().frozenRows = count;
    });
  }
  unfreeze(): void {
    this.context.queue(undefined, () => {
      this.sheet().frozenRows = 0;
    });
  }
}

export class RangeFormat extends ClientObject<RangeTarget> {
  readonly scalars = ['columnWidth'];
  readProp(t: RangeTarget): unknown {
    return t.sheet.widths.get(t.area.column) ?? 48;
  }
  get columnWidth(): number {
    return this.prop('columnWidth');
  }
  set columnWidth(v: number) {
    this.write('columnWidth', v, (t) => {
      if (!(v >= 0)) throw new HostError('InvalidArgument', 'columnWidth');
      for (let c = t.area.column; c < t.area.column + t.area.columns; c++) t.sheet.widths.set(c, v);
    });
  }
  get font(): { bold: boolean } {
    const write = (v: boolean) =>
      this.context.queue(v, () => {
        const { sheet, area } = this.target();
        for (let r = area.row; r < area.row + area.rows; r++)
          for (let c = area.column; c < area.column + area.columns; c++) {
            if (v) sheet.bold.add(`${r}:${c}`);
            else sheet.bold.delete(`${r}:${c}`);
          }
      });
    return {
      get bold(): boolean {
        throw new HostError('PropertyNotLoaded', 'font.bold is write-only in the stand-in');
      },
      set bold(v: boolean) {
        write(v);
      },
    };
  }
}

/** Range.clear: 'All', 'Contents' or 'Formats'. */
export function clearRange(t: RangeTarget, applyTo: string): void {
  if (!['All', 'Contents', 'Formats'].includes(applyTo)) throw new HostError('InvalidArgument', `clear ${applyTo}`);
  t.sheet.clear(t.area, applyTo !== 'Formats', applyTo !== 'Contents');
}

/** Worksheet.autoFilter (ExcelApi 1.9): one filter range per sheet; apply replaces it. */
export class AutoFilter {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => SheetModel,
  ) {}
  private needs19(): void {
    if (this.context.host.apiMinor < 9) throw new HostError('ApiNotFound', 'autoFilter needs ExcelApi 1.9');
  }
  apply(range: { resolve(): RangeTarget }): void {
    this.context.queue(undefined, () => {
      this.needs19();
      const t = range.resolve();
      if (t.sheet !== this.sheet()) throw new HostError('InvalidArgument', 'a range of another sheet');
      t.sheet.autoFilter = { ...t.area };
    });
  }
  remove(): void {
    this.context.queue(undefined, () => {
      this.needs19();
      this.sheet().autoFilter = null;
    });
  }
}
