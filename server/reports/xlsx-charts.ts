/**
 * Native charts in an .xlsx that ExcelJS wrote (ExcelJS writes none), from the sheets' `ReportChart`s:
 * per chart a DrawingML part (`xl/charts/chartN.xml`) over its data range (header row = series names,
 * first column = categories), anchored from/to its cells in the sheet's drawing, with the relationships
 * and content types that tie them in. Every series carries its cached values, so a reader that does not
 * recalculate shows the figures. A formula here is only ever a quoted cell reference: no cell's text
 * is put into one. A workbook whose sheets have no charts comes back as the very same bytes.
 */
import JSZip from 'jszip';
import { columnIndex, columnLetter } from '../../domain/fields/column-letter.js';
import {
  sheetLayout,
  sheetReference,
  type ReportChart,
  type ReportSheet,
  type SheetCell,
} from '../../domain/reports/report-sheet.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const NS_C = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"';
const NS_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const NS_R = `xmlns:r="${REL}"`;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Worksheet children that must come after `<drawing>` (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);

function unescapeXml(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (named[e] ?? all),
  );
}

/** The attributes of every `<tag …>` element in a part ExcelJS wrote (flat, well-formed XML). */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, unescapeXml(a[2]!)])),
  );
}

interface Cell {
  /** 0-based. */
  col: number;
  /** 1-based, as on the sheet. */
  row: number;
}

function cellOf(address: string, chart: ReportChart): Cell {
  const m = /^\$?([A-Z]{1,3})\$?([1-9]\d*)$/.exec(address);
  if (!m) throw new Error(`Chart "${chart.name}": "${address}" is not a cell address`);
  return { col: columnIndex(m[1]!), row: Number(m[2]) };
}

const absolute = (c: Cell) => `$${columnLetter(c.col)}$${c.row}`;

/** What the writer put in a cell of the sheet: the lines, the header, the rows, the note (sheetLayout). */
function cellAt(s: ReportSheet, { row, col }: Cell): SheetCell {
  const { headerRow, firstDataRow, lastRow, noteRow } = sheetLayout(s);
  if (row < headerRow) return s.lines[row - 1]?.cells[col] ?? null;
  if (row === headerRow) return s.columns[col]?.header ?? null;
  if (row <= lastRow) return s.rows[row - firstDataRow]?.[col] ?? null;
  return row === noteRow && col === 0 ? s.note : null;
}

const text = (v: SheetCell) => (v === null ? '' : String(v));

function strRef(s: ReportSheet, cells: Cell[]): string {
  const ref = sheetReference(
    s.name,
    cells.length === 1 ? absolute(cells[0]!) : `${absolute(cells[0]!)}:${absolute(cells.at(-1)!)}`,
  );
  const pts = cells.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXml(text(cellAt(s, c)))}</c:v></c:pt>`);
  return `<c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts.join('')}</c:strCache></c:strRef>`;
}

/** Values as numbers; a text or blank cell is left out of the cache, as a reader leaves it out of the plot. */
function numRef(s: ReportSheet, cells: Cell[], format: string): string {
  const ref = sheetReference(s.name, `${absolute(cells[0]!)}:${absolute(cells.at(-1)!)}`);
  const pts = cells.flatMap((c, i) => {
    const v = cellAt(s, c);
    return typeof v === 'number' ? [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`] : [];
  });
  return (
    `<c:numRef><c:f>${escapeXml(ref)}</c:f><c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode>` +
    `<c:ptCount val="${cells.length}"/>${pts.join('')}</c:numCache></c:numRef>`
  );
}

const column = (col: number, rows: number[]) => rows.map((row) => ({ col, row }));

/** The chart part: bars (clustered or stacked columns) or lines, one series per column of the range. */
function chartXml(s: ReportSheet, chart: ReportChart): string {
  const [from, to] = chart.dataRange.split(':').map((a) => cellOf(a, chart));
  if (!from || !to || to.col <= from.col || to.row <= from.row)
    throw new Error(`Chart "${chart.name}": "${chart.dataRange}" needs a header row, a label column and data`);
  const dataRows = Array.from({ length: to.row - from.row }, (_, i) => from.row + 1 + i);
  const line = chart.type === 'Line';
  const format = s.columns[from.col + 1]?.format ?? 'General';
  const series = Array.from({ length: to.col - from.col }, (_, k) => {
    const col = from.col + 1 + k;
    return (
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx>${strRef(s, [{ col, row: from.row }])}</c:tx>` +
      (line ? '<c:marker><c:symbol val="none"/></c:marker>' : '<c:invertIfNegative val="0"/>') +
      `<c:cat>${strRef(s, column(from.col, dataRows))}</c:cat>` +
      `<c:val>${numRef(s, column(col, dataRows), s.columns[col]?.format ?? 'General')}</c:val>` +
      (line ? '<c:smooth val="0"/>' : '') +
      '</c:ser>'
    );
  }).join('');
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="${chart.type === 'ColumnStacked' ? 'stacked' : 'clustered'}"/>` +
      `<c:varyColors val="0"/>${series}<c:gapWidth val="150"/>` +
      (chart.type === 'ColumnStacked' ? '<c:overlap val="100"/>' : '') +
      `${axes}</c:barChart>`;
  const title =
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr>' +
    `<a:r><a:rPr lang="ja-JP" sz="1400" b="0"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>';
  const catAx =
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>' +
    '<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>' +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx =
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>';
  return (
    `${XML_HEAD}<c:chartSpace ${NS_C} ${NS_A} ${NS_R}><c:date1904 val="0"/><c:lang val="ja-JP"/>` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>' +
    '<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** A chart covers its `to` cell too, as Office.js's setPosition(from, to) places it. */
function anchorXml(chart: ReportChart, index: number): string {
  const from = cellOf(chart.position.from, chart);
  const to = cellOf(chart.position.to, chart);
  if (to.col < from.col || to.row < from.row)
    throw new Error(`Chart "${chart.name}": ${chart.position.to} is above or left of ${chart.position.from}`);
  const at = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${at('from', from.col, from.row - 1)}${at('to', to.col + 1, to.row)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(chart.name)}"/>` +
    '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart ${NS_C} ${NS_R} r:id="rId${index + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    '<xdr:clientData/></xdr:twoCellAnchor>'
  );
}

interface Rel {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

function relsXml(rels: readonly Rel[]): string {
  const items = rels.map(
    (r) =>
      `<Relationship Id="${escapeXml(r.Id)}" Type="${escapeXml(r.Type)}" Target="${escapeXml(r.Target)}"` +
      `${r.TargetMode === undefined ? '' : ` TargetMode="${escapeXml(r.TargetMode)}"`}/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

async function read(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`The workbook has no ${path}`);
  return f.async('string');
}

/** Sheet name → its part (`xl/worksheets/sheet3.xml`), from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const rels = elements(await read(zip, 'xl/_rels/workbook.xml.rels'), 'Relationship');
  const target = new Map(rels.map((r) => [r.Id, r.Target ?? '']));
  const parts = new Map<string, string>();
  for (const s of elements(await read(zip, 'xl/workbook.xml'), 'sheet')) {
    const t = target.get(s['r:id'] ?? '');
    if (s.name !== undefined && t) parts.set(s.name, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  return parts;
}

const countOf = (zip: JSZip, pattern: RegExp) => zip.file(pattern).length;

/** Adds one drawing with the sheet's charts to its part, and returns the content types to declare. */
async function addSheetCharts(zip: JSZip, s: ReportSheet, part: string): Promise<string[]> {
  const drawing = countOf(zip, /^xl\/drawings\/drawing\d+\.xml$/) + 1;
  const firstChart = countOf(zip, /^xl\/charts\/chart\d+\.xml$/) + 1;
  const charts = s.charts.map((c, i) => ({ chart: c, n: firstChart + i }));
  for (const { chart, n } of charts) zip.file(`xl/charts/chart${n}.xml`, chartXml(s, chart));
  zip.file(
    `xl/drawings/drawing${drawing}.xml`,
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ${NS_A}>` +
      `${charts.map(({ chart }, i) => anchorXml(chart, i)).join('')}</xdr:wsDr>`,
  );
  zip.file(
    `xl/drawings/_rels/drawing${drawing}.xml.rels`,
    relsXml(charts.map(({ n }, i) => ({ Id: `rId${i + 1}`, Type: `${REL}/chart`, Target: `../charts/chart${n}.xml` }))),
  );

  const [dir, file] = [part.slice(0, part.lastIndexOf('/')), part.slice(part.lastIndexOf('/') + 1)];
  const relsPath = `${dir}/_rels/${file}.rels`;
  const existing = (zip.file(relsPath) ? elements(await read(zip, relsPath), 'Relationship') : []).map((r): Rel => ({
    Id: r.Id ?? '',
    Type: r.Type ?? '',
    Target: r.Target ?? '',
    TargetMode: r.TargetMode,
  }));
  const used = new Set(existing.map((r) => r.Id));
  let k = existing.length + 1;
  while (used.has(`rId${k}`)) k++;
  const id = `rId${k}`;
  zip.file(
    relsPath,
    relsXml([...existing, { Id: id, Type: `${REL}/drawing`, Target: `../drawings/drawing${drawing}.xml` }]),
  );

  const sheetXml = await read(zip, part);
  if (/<drawing\b/.test(sheetXml)) throw new Error(`Sheet "${s.name}" already has a drawing`);
  if (!sheetXml.includes(`xmlns:r="${REL}"`)) throw new Error(`Sheet "${s.name}" does not declare relationships`);
  // Searched after the cells and the conditional formats, whose rules may hold an extLst of their own.
  const start = Math.max(0, sheetXml.lastIndexOf('</sheetData>'), sheetXml.lastIndexOf('</conditionalFormatting>'));
  const at = start + AFTER_DRAWING.exec(sheetXml.slice(start))!.index;
  zip.file(part, `${sheetXml.slice(0, at)}<drawing r:id="${id}"/>${sheetXml.slice(at)}`);

  return [
    `<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="${DRAWING_TYPE}"/>`,
    ...charts.map(({ n }) => `<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CHART_TYPE}"/>`),
  ];
}

/** The workbook with each sheet's charts drawn natively; the same bytes when no sheet has one. */
export async function addCharts(xlsx: Buffer, sheets: readonly ReportSheet[]): Promise<Buffer> {
  const charted = sheets.filter((s) => s.charts.length > 0);
  if (charted.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  const overrides: string[] = [];
  for (const s of charted) {
    const part = parts.get(s.name);
    if (!part) throw new Error(`The workbook has no sheet "${s.name}" to draw its charts on`);
    overrides.push(...(await addSheetCharts(zip, s, part)));
  }
  const types = await read(zip, '[Content_Types].xml');
  zip.file('[Content_Types].xml', types.replace('</Types>', `${overrides.join('')}</Types>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
