/**
 * `npm run bench [-- name…]`: runs the benchmarks and prints their results as Markdown, with the
 * machine, for BENCHMARKS.md. Names: check, read, addin, first-sync (and others registered below; `ingest-pg`,
 * `bureau-pg` and `instances-pg` run on the test PostgreSQL server, `SAIKEN_TEST_PG`).
 */
import { benchAddin } from './addin.bench.js';
import { benchFirstSync } from './addin-sync.bench.js';
import { benchCheck } from './check.bench.js';
import { benchInstances } from './instances.bench.js';
import { benchRead, type Measured } from './read.bench.js';
import { benchBureauTable, benchIngest } from './server.bench.js';
import { machine } from './machine.js';

type Bench = () => Promise<string> | string;

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function bureauTable(title: string, r: Awaited<ReturnType<typeof benchBureauTable>>): string {
  return [
    title,
    '',
    '| measure | result | goal |',
    '| --- | --- | --- |',
    `| GET /reports/targets with ${r.storedRows.toLocaleString('en-US')} stored rows, ${r.bureaus} bureaus, ${r.ledgers} ledgers (median of 20) | ${fmt(r.tableMs, 1)} ms | ≤ 50 ms |`,
    `| baseline: GET /me in the same run | ${fmt(r.meMs, 1)} ms | |`,
  ].join('\n');
}

const BENCHES: Record<string, Bench> = {
  check() {
    const b = benchCheck();
    return [
      `### Rule engine: ${b.rows.toLocaleString('en-US')} rows × ${b.columns} columns in memory (issue 2)`,
      '',
      '| measure | result | goal |',
      '| --- | --- | --- |',
      `| full check (median of 5) | ${fmt(b.checkMs, 0)} ms, ${b.rowsPerSecond.toLocaleString('en-US')} rows/s, ${b.findings.toLocaleString('en-US')} findings | |`,
      `| floor: read every mapped field through its parser | ${fmt(b.parseFloorMs, 0)} ms | |`,
      `| floor: touch every cell | ${fmt(b.touchFloorMs, 1)} ms | |`,
      `| check ÷ parse floor | ${fmt(b.ratioToParseFloor, 2)}× | ≤ 3× |`,
      `| check ÷ touch floor | ${fmt(b.ratioToTouchFloor, 0)}× | (for reference) |`,
      `| re-check one changed row (median of 21) | ${fmt(b.recheckOneRowMs, 2)} ms | ≤ 50 ms |`,
    ].join('\n');
  },
  async read() {
    const rs = await benchRead();
    const t = (m: Measured) => `${fmt(m.ms / 1000, 2)} s (CPU ${fmt(m.cpuMs / 1000, 2)} s), ${fmt(m.peakMb, 0)} MB`;
    return [
      '### Reading a 100,000-row ledger from a file (each run in its own process, median of 3, runs interleaved)',
      '',
      '| format | size | reader: time (CPU), peak | floor | reader ÷ floor (time, CPU) | SheetJS | reader ÷ SheetJS | goal |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rs.map((r) =>
        [
          '',
          r.format,
          `${fmt(r.sizeMb)} MB`,
          t(r.reader),
          t(r.floor),
          `${fmt(r.reader.ms / r.floor.ms, 2)}×, ${fmt(r.reader.cpuMs / r.floor.cpuMs, 2)}×`,
          r.peer ? t(r.peer) : '',
          r.peer ? `${fmt(r.reader.ms / r.peer.ms, 2)}×` : '',
          r.peer ? '≤ 2.5× floor, < 300 MB, < 1× SheetJS' : '≤ 3× floor',
          '',
        ]
          .join(' | ')
          .trim(),
      ),
    ].join('\n');
  },
  async ingest() {
    const r = await benchIngest();
    const rps = (rows: number, ms: number) => Math.round((rows / ms) * 1000).toLocaleString('en-US');
    return [
      `### Service: ingest of a ${r.rows.toLocaleString('en-US')}-row submission (issue 3)`,
      '',
      '| measure | result | goal |',
      '| --- | --- | --- |',
      `| service: 10 parts over HTTP, validated, checked, applied in one transaction | ${fmt(r.serviceMs / 1000, 2)} s, ${rps(r.rows, r.serviceMs)} rows/s | |`,
      `| of which the last part, which applies all ${r.rows.toLocaleString('en-US')} rows | ${fmt(r.applyMs / 1000, 2)} s | ≤ 15 s |`,
      `| sqlite3 CLI: \`.import\` of the same rows as CSV | ${fmt(r.cliMs / 1000, 2)} s, ${rps(r.rows, r.cliMs)} rows/s | |`,
      `| service ÷ CLI (rows/s) | ${fmt(r.cliMs / r.serviceMs, 2)} | ≥ 0.5 |`,
      `| apply (last part) ÷ CLI (time) | ${fmt(r.applyMs / r.cliMs, 2)}× | |`,
      `| the same rows sent again unchanged, 10 parts (last part ${fmt(r.reapplyLastMs / 1000, 2)} s) | ${fmt(r.reapplyMs / 1000, 2)} s, ${fmt(r.reapplyMs / r.serviceMs, 2)}× the first ingest | |`,
      `| re-sync with 1% of rows changed (${r.changedRows.toLocaleString('en-US')} rows) | ${(r.resyncBytes / 1024).toFixed(0)} KiB of ${(r.fullBytes / 2 ** 20).toFixed(1)} MiB = ${fmt((100 * r.resyncBytes) / r.fullBytes, 2)}% | ≤ 2% |`,
    ].join('\n');
  },
  async addin() {
    const b = await benchAddin();
    const mb = (n: number) => fmt(n / 2 ** 20, 1);
    return [
      `### Task pane: 「チェック」 on a ${b.rows.toLocaleString('en-US')}-row, ${b.columns}-column sheet over the Excel host stand-in (issue 4; median of 5)`,
      '',
      '| measure | result | goal |',
      '| --- | --- | --- |',
      `| Office.js requests per check (read in payload-sized chunks, highlights, state) | ${b.requests} requests, ${mb(b.bytes)} MiB, largest ${mb(b.maxPayload)} MiB | each ≤ 5 MiB |`,
      `| whole check (${b.findings.toLocaleString('en-US')} findings) | ${fmt(b.checkMs, 0)} ms, of which ${fmt(b.excelMs, 0)} ms in the stand-in (Excel's side) | |`,
      `| the pane's own time: check − Excel's side | ${fmt(b.ownMs, 0)} ms | |`,
      `| floor: the domain engine's checkSheet on the same grid | ${fmt(b.engineMs, 0)} ms | |`,
      `| pane's own time ÷ floor | ${fmt(b.ratio, 2)}× | ≤ 3× |`,
      `| re-check one edited row via onChanged (median of 21; ${b.recheckRequests} requests) | ${fmt(b.recheckMs, 1)} ms (${fmt(b.recheckOwnMs, 1)} ms without Excel's side) | ≤ 50 ms |`,
    ].join('\n');
  },
  async 'first-sync'() {
    const b = await benchFirstSync();
    const n = (x: number) => x.toLocaleString('en-US');
    return [
      `### Task pane: the first sync of a ${n(b.rows)}-row, ${b.columns}-column sheet over the Excel host stand-in: rows built, keys HMACed, row hashes SHA-256'd (median of 3; the Web Crypto candidates once)`,
      '',
      '| measure | result | goal |',
      '| --- | --- | --- |',
      `| floor: the domain engine's checkSheet on the same grid | ${fmt(b.engineMs, 0)} ms | |`,
      `| the pane's build (\`buildOutgoing\`: ${n(b.digests)} digests) | ${fmt(b.paneMs, 0)} ms | |`,
      `| pane's build ÷ engine | ${fmt(b.ratio, 2)}× | ≤ 1× |`,
      ...b.candidates.map((c) => `| ${c.name} | ${fmt(c.ms, 0)} ms, ${fmt(c.ratio, 2)}× the engine | |`),
      `| heap during the pane's build: before, peak, kept by the built rows | ${fmt(b.heapBeforeMb, 0)} MiB, ${fmt(b.heapPeakMb, 0)} MiB, +${fmt(b.heapKeptMb, 0)} MiB | |`,
      `| the process's peak RSS (sheet, stand-in, pane and all runs) | ${fmt(b.maxRssMb, 0)} MiB | |`,
    ].join('\n');
  },
  async 'ingest-pg'() {
    const r = await benchIngest(100_000, 'postgres');
    const rps = (rows: number, ms: number) => Math.round((rows / ms) * 1000).toLocaleString('en-US');
    return [
      `### Service on PostgreSQL: ingest of a ${r.rows.toLocaleString('en-US')}-row submission`,
      '',
      '| measure | result | goal |',
      '| --- | --- | --- |',
      `| service: 10 parts over HTTP, validated, checked, applied in one transaction | ${fmt(r.serviceMs / 1000, 2)} s, ${rps(r.rows, r.serviceMs)} rows/s | |`,
      `| of which the last part, which applies all ${r.rows.toLocaleString('en-US')} rows | ${fmt(r.applyMs / 1000, 2)} s, ${rps(r.rows, r.applyMs)} rows/s | |`,
      `| psql: \\copy of the same rows into an equivalent table | ${fmt(r.cliMs / 1000, 2)} s, ${rps(r.rows, r.cliMs)} rows/s | |`,
      `| apply (last part) ÷ \\copy (rows/s) | ${fmt(r.cliMs / r.applyMs, 2)} | ≥ 0.5 |`,
      `| service ÷ \\copy (rows/s) | ${fmt(r.cliMs / r.serviceMs, 2)} | |`,
      `| the same rows sent again unchanged, 10 parts (last part ${fmt(r.reapplyLastMs / 1000, 2)} s) | ${fmt(r.reapplyMs / 1000, 2)} s, ${fmt(r.reapplyMs / r.serviceMs, 2)}× the first ingest | |`,
    ].join('\n');
  },
  async 'bureau-pg'() {
    return bureauTable(
      '### Service on PostgreSQL: the bureau target table',
      await benchBureauTable(10_000_000, 'postgres'),
    );
  },
  async 'instances-pg'() {
    const r = await benchInstances();
    const runs = (rs: typeof r.one) => rs.map((x) => fmt(x.perSecond)).join(', ');
    const retried = [...r.one, ...r.two].reduce((n, x) => n + x.retried, 0);
    const total = [...r.one, ...r.two].reduce((n, x) => n + x.submissions, 0);
    return [
      `### Service: instances on one PostgreSQL, ${r.clients} clients × ${r.perClient} submissions of ${r.rows} rows to their own ledgers (median of ${r.one.length} runs each, alternating)`,
      '',
      '| measure | result |',
      '| --- | --- |',
      `| one instance | ${fmt(r.oneMedian)} submissions/s (runs: ${runs(r.one)}) |`,
      `| two instances, the clients split between them | ${fmt(r.twoMedian)} submissions/s (runs: ${runs(r.two)}) |`,
      `| two ÷ one | ${fmt(r.twoMedian / r.oneMedian, 2)}× |`,
      `| 5xx answers (each retried until applied) | ${retried} in ${total.toLocaleString('en-US')} submissions |`,
    ].join('\n');
  },
  async table() {
    return bureauTable('### Service: the bureau target table (issue 3)', await benchBureauTable());
  },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
// The PostgreSQL ones only when named: they need the test server.
const names = wanted.length ? wanted : Object.keys(BENCHES).filter((n) => !n.endsWith('-pg'));
console.log(`Machine: ${machine()}\nDate: ${new Date().toISOString().slice(0, 10)}\n`);
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  console.log(`${await bench()}\n`);
}
