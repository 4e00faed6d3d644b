/**
 * Malformed requests, generated with a fixed seed: random methods and paths under /api/v1, odd
 * content types and encodings, bad or huge Authorization headers, and bodies that are invalid,
 * deeply nested, of the wrong types, huge, not UTF-8, garbage CSV/.xlsx, or real submissions with
 * one field mutated. Whatever comes in, the service answers below 500 with a Japanese
 * `{ code, message, details }` and nothing of its internals, stays up, and keeps its database sound.
 */
import { request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertToken } from '../../../server/db/repos/tokens.js';
import { createApp, DEFAULT_JSON_LIMIT } from '../../../server/http/app.js';
import { PLAN_IMPORT_LIMIT } from '../../../server/http/routes/plans.js';
import { CLASSIFICATIONS } from '../../../domain/fields/catalogue.js';
import { HASHED_FIELDS, SYNC_FIELDS } from '../../../domain/sync/fields.js';
import type { SubmissionPart } from '../../../domain/sync/protocol.js';
import { canonicalJson } from '../../../domain/sync/sync-row.js';
import { sha256Hex } from '../../../server/sync/canonical.js';
import { CSV, seedCsv, seedRows, toCp932, toXlsx, XLSX } from '../plans/fixtures.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { integrityProblems } from '../helpers/test-db.js';
import { makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';

// FUZZ_SEED / FUZZ_RUNS explore further; the suite runs the fixed seed.
const SEED = Number(process.env.FUZZ_SEED ?? 20250331);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const CONCURRENCY = 8;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/**
 * What must never reach a client: a stack frame (`at fn (file:1:2)`, `at node:…`; a bare "at " would
 * match "format"), an error's name, SQLite's words, SQL.
 */
const LEAKS: RegExp[] = [
  /\bat \S+ \(/,
  /\bat (?:node|file):/,
  /\n\s+at /,
  /\.[cm]?[jt]s:\d+:\d+/,
  /Error:/,
  /SQLITE/i,
  /SELECT/,
];

let svc: TestService;
let port: number;
const logs: { level: number; msg: string }[] = [];
/** Every log line as written, for what must never be in one (the city key). */
const logLines: string[] = [];
let cityKey = '';
const tokens: Record<'division' | 'accounting' | 'finance' | 'admin' | 'revoked', string> = {
  division: '',
  accounting: '',
  finance: '',
  admin: '',
  revoked: '',
};
const ownLedger = newId('fuzz');
const otherLedger = newId('other');
let part: SubmissionPart;
let xlsxFile: Buffer;

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface Answer {
  status: number;
  type: string;
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function send(r: FuzzRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // Node frames a GET's or DELETE's body only when told its length.
    const headers = r.body ? { ...r.headers, 'content-length': String(r.body.length) } : r.headers;
    const req = httpRequest({ host: '127.0.0.1', port, method: r.method, path: r.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, type: res.headers['content-type'] ?? '', body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

// ---------------------------------------------------------------------------------------------
// Generators

/** A path segment or query value, percent-encoded byte by byte where it is not plain ASCII. */
const encode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      b > 0x20 && b < 0x7f && !'%?#&='.includes(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .join('');

const oddValue = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e400',
    '2024',
    'R6',
    '%E4%BB%A4%E5%92%8C6%E5%B9%B4%E5%BA%A6', // 令和6年度
    'R999',
    '%',
    '%E0%A4%A',
    '%00',
    '%FF%FE',
    '..%2F..%2Fetc%2Fpasswd',
    '__proto__',
    'constructor',
    '9007199254740993',
    'NaN',
    "'%20OR%20'1'%3D'1",
  ),
  fc.string({ maxLength: 30 }).map(encode),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encode),
  fc.integer().map(String),
  fc.nat(5000).map((n) => 'a'.repeat(n)),
);

const fyValue = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('2024', 'R6', encode('令和6年度'), '2023', '2025') },
  oddValue,
);

const ledgerIdLike = fc.oneof(fc.constantFrom(ownLedger, otherLedger, 'short', newId('new')), oddValue);

/** Never the id of a token the run uses (`3`, `0x3`, `%203`…): a fuzzed revoke must not take them away. */
const tokenIdLike = fc.oneof(fc.integer({ min: 10_000 }).map(String), oddValue).filter((id) => {
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    // left as it is
  }
  const n = Number(decoded);
  return !(Number.isFinite(n) && n >= 1 && n < 10_000);
});

const apiPath = fc.oneof(
  { weight: 3, arbitrary: ledgerIdLike.map((id) => `/api/v1/ledgers/${id}/submissions`) },
  fc.tuple(ledgerIdLike, oddValue).map(([id, q]) => `/api/v1/ledgers/${id}/rows?since=${q}`),
  ledgerIdLike.map((id) => `/api/v1/ledgers/${id}`),
  fc.constant('/api/v1/ledgers'),
  { weight: 2, arbitrary: fc.constant('/api/v1/plans/import') },
  fc.tuple(oddValue, oddValue).map(([a, b]) => `/api/v1/plans?fy=${a}&fy=${b}`),
  oddValue.map((fy) => `/api/v1/plans?fy=${fy}`),
  oddValue.map((fy) => `/api/v1/settlements/${fy}`),
  fc
    .tuple(oddValue, fc.constantFrom('json', 'tsv', 'xml', ''))
    .map(([fy, f]) => `/api/v1/reports/targets?fy=${fy}&format=${f}`),
  oddValue.map((fy) => `/api/v1/reports/claims?fy=${fy}`),
  oddValue.map((fy) => `/api/v1/reports/consolidated.xlsx?fy=${fy}`),
  tokenIdLike.map((id) => `/api/v1/admin/tokens/${id}`),
  fc.constantFrom('/api/v1/admin/tokens', '/api/v1/admin/bureaus', '/api/v1/admin/organisation'),
  fc.constantFrom('/api/v1/me', '/api/v1/city-key', '/api/v1/', '/api/v1', '/api', '/api/v2/me', '/healthz'),
  fc.array(oddValue, { minLength: 1, maxLength: 6 }).map((segs) => `/api/v1/${segs.join('/')}`),
);

const latin1 = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c === 0x7f ? 0x20 : c)),
  maxLength: 300,
});

const authorization = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom('division', 'accounting', 'finance', 'admin').map((r) => `Bearer ${tokens[r]}`),
  },
  fc.constantFrom('division', 'finance', 'admin').map((r) => `bearer    ${tokens[r]}`),
  fc.constant('').map(() => `Bearer ${tokens.revoked}`),
  fc.constantFrom(
    '',
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNzd29yZA==',
    `Bearer skn_${'0'.repeat(43)}`,
    "Bearer 'OR'1'='1'--",
    'Bearer short',
    `Bearer ${'é'.repeat(60)}`,
  ),
  fc.nat({ max: 8000 }).map((n) => `Bearer ${'A'.repeat(n)}`),
  fc.nat({ max: 8000 }).map((n) => 'x'.repeat(n)),
  latin1,
  latin1.map((s) => `Bearer ${s}`),
);

const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=UTF-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=nonsense',
  'application/vnd.api+json',
  'text/plain',
  CSV,
  `${CSV}; charset=utf-8`,
  `${CSV}; charset=shift_jis`,
  `${CSV}; charset=ebcdic`,
  `${CSV}; charset="`,
  XLSX,
  'multipart/form-data; boundary=----x',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  '*/*',
  ';;;',
  'text/csv; charset=utf-8; charset=cp932',
);

/** The valid part with one change, as JSON text (so `__proto__` survives as a key). */
const mutatedPart = fc
  .record({
    path: fc.constantFrom<(string | number)[]>(
      ['submissionId'],
      ['baseRevision'],
      ['asOf'],
      ['rulesetVersion'],
      ['ledger'],
      ['ledger', 'name'],
      ['ledger', 'claimType'],
      ['ledger', 'classification'],
      ['ledger', 'fields'],
      ['ledger', 'params'],
      ['ledger', 'params', 'demandDays'],
      ['part'],
      ['part', 'index'],
      ['part', 'count'],
      ['upserts'],
      ['upserts', 0],
      ['upserts', 0, 'key'],
      ['upserts', 0, 'hash'],
      ['upserts', 0, 'row'],
      ['upserts', 0, 'values'],
      ['upserts', 0, 'values', 'assessedAmount'],
      ['upserts', 0, 'values', 'debtorId'],
      ['deletions'],
      ['deletions', 0],
    ),
    value: fc.oneof(
      fc.constantFrom(
        -1,
        0,
        1,
        2,
        1.5,
        -0.5,
        10_000,
        10_001,
        1e9,
        Number.MAX_SAFE_INTEGER,
        2 ** 53 + 2,
        1e308,
        '2',
        '',
        '2025-02-30',
        '9999-99-99',
        null,
        true,
        [],
        {},
        { index: 0, count: 0 },
        { index: 5, count: 2 },
        { index: -1, count: 3 },
        { index: 0, count: 10_000 },
        'x'.repeat(100_000),
        '令和7年3月31日',
        "'; DROP TABLE ledgers; --",
      ),
      fc.jsonValue({ maxDepth: 3 }),
      fc.string({ unit: 'binary', maxLength: 50 }),
    ),
    remove: fc.boolean(),
    extraKey: fc.option(
      fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'debtorName'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
      ),
    ),
    submissionId: fc.boolean(),
  })
  .map(({ path, value, remove, extraKey, submissionId }) => {
    const body = structuredClone(part) as unknown as Record<string | number, unknown>;
    if (submissionId) body.submissionId = newId('fz');
    let at: Record<string | number, unknown> = body;
    for (const k of path.slice(0, -1)) {
      const next = at[k];
      if (typeof next !== 'object' || next === null) break;
      at = next as Record<string | number, unknown>;
    }
    const last = path.at(-1)!;
    if (remove) delete at[last];
    else at[last] = value;
    let text = JSON.stringify(body);
    if (extraKey !== null) text = `{${JSON.stringify(extraKey)}:{"polluted":true,"role":"admin"},${text.slice(1)}`;
    return text;
  });

/** Well-formed parts whose values are odd (hashes recomputed), for a new ledger: they reach the check and the apply. */
const hexDigest = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const syncValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom(
    '',
    '令和6年4月1日',
    'R6.4.1',
    '2024-02-30',
    '９９９',
    '△100',
    '1,000',
    '千円',
    '#VALUE!',
    'TRUE',
    '文書',
    '分納',
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.1, 45_000, 2_958_465, 2_958_466, -1),
  fc.boolean(),
  fc.constant(null),
);
const CLEAR_FIELDS = SYNC_FIELDS.filter((f) => !HASHED_FIELDS.includes(f));
const valuesPart = fc
  .record({
    rows: fc.array(
      fc.record({
        values: fc.dictionary(fc.constantFrom(...CLEAR_FIELDS), syncValue, { maxKeys: 12 }),
        debtorId: fc.option(hexDigest),
        key: fc.tuple(hexDigest, fc.option(fc.integer({ min: 1, max: 999_999 }))),
        row: fc.integer({ min: 1, max: 1_048_576 }),
      }),
      { minLength: 1, maxLength: 20 },
    ),
    fields: fc.subarray([...SYNC_FIELDS]),
    asOf: fc.constantFrom('2025-03-31', '1900-01-01', '9999-12-31', '2000-02-29', '0001-01-01'),
    claimType: fc.oneof(
      fc.constantFrom('国民健康保険料', '保育料', '水道料金', '未知の債権'),
      fc.string({ minLength: 1, maxLength: 100 }),
    ),
    classification: fc.option(fc.constantFrom(...CLASSIFICATIONS)),
    params: fc.option(
      fc.record(
        {
          demandDays: fc.nat(3650),
          contactStaleDays: fc.nat(3650),
          prescriptionWarnDays: fc.nat(3650),
          installmentGraceDays: fc.nat(3650),
        },
        { requiredKeys: [] },
      ),
    ),
    deletions: fc.array(hexDigest, { maxLength: 5 }),
  })
  .map((g) => {
    const upserts = g.rows.map((r) => {
      const values = { ...r.values, ...(r.debtorId === null ? {} : { debtorId: r.debtorId }) };
      return {
        key: r.key[1] === null ? r.key[0] : `${r.key[0]}#${r.key[1]}`,
        hash: sha256Hex(canonicalJson(values)),
        row: r.row,
        values,
      };
    });
    return JSON.stringify({
      ...part,
      submissionId: newId('v'),
      baseRevision: 0,
      asOf: g.asOf,
      ledger: {
        name: '台帳',
        claimType: g.claimType,
        fields: g.fields,
        ...(g.classification === null ? {} : { classification: g.classification }),
        ...(g.params === null ? {} : { params: g.params }),
      },
      upserts,
      deletions: g.deletions,
    });
  });

/** A part with an odd parts count or revision, and a fresh id so it is staged, not replayed. */
const partsPart = fc
  .record({
    index: fc.integer({ min: -2, max: 12 }),
    count: fc.integer({ min: -1, max: 12 }),
    base: fc.integer({ min: -3, max: 3 }),
  })
  .map(({ index, count, base }) =>
    JSON.stringify({ ...part, submissionId: newId('pp'), baseRevision: base, part: { index, count } }),
  );

const deep = fc
  .constantFrom(10, 1000, 100_000)
  .chain((d) =>
    fc.constantFrom(
      '['.repeat(d) + ']'.repeat(d),
      '{"a":'.repeat(d) + '1' + '}'.repeat(d),
      `{"upserts":${'['.repeat(d)}${']'.repeat(d)}}`,
    ),
  );

/** Bytes that are not UTF-8: lone continuation bytes, overlongs, surrogates, invalid lead bytes. */
const notUtf8 = fc
  .tuple(
    fc.uint8Array({ maxLength: 200 }),
    fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe], [0xf8, 0x88, 0x80, 0x80, 0x80]),
  )
  .map(([noise, bad]) =>
    Buffer.concat([Buffer.from('{"name":"'), Buffer.from(bad), Buffer.from(noise), Buffer.from('"}')]),
  );

const csvGarbage = fc.oneof(
  fc.tuple(fc.nat(3000), fc.string({ unit: 'binary', maxLength: 40 })).map(([at, s]) => {
    const csv = seedCsv();
    return Buffer.from(csv.slice(0, at % csv.length) + s + csv.slice(at % csv.length), 'utf8');
  }),
  fc.nat(4000).map((n) => toCp932(seedCsv(false)).subarray(0, n)),
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
  fc.constantFrom('"', '\uFEFF', '局名\n"未閉じ', '\0\0\0', 'a,b\r\n'.repeat(1000)).map((s) => Buffer.from(s, 'utf8')),
);

const xlsxGarbage = fc.oneof(
  fc.nat().map((n) => xlsxFile.subarray(0, n % xlsxFile.length)),
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }).map((flips) => {
    const b = Buffer.from(xlsxFile);
    for (const [at, v] of flips) b[at % b.length] = v;
    return b;
  }),
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from(b)])),
);

const adminBody = fc
  .oneof(
    fc.record(
      {
        role: fc.oneof(
          fc.constantFrom('division', 'accounting', 'finance', 'admin', 'root', ''),
          fc.jsonValue({ maxDepth: 1 }),
        ),
        bureau: fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue({ maxDepth: 1 })),
        division: fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue({ maxDepth: 1 })),
        label: fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue({ maxDepth: 1 })),
      },
      { requiredKeys: [] },
    ),
    fc.record(
      {
        name: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.jsonValue({ maxDepth: 1 })),
        divisions: fc.oneof(fc.array(fc.string({ maxLength: 5 }), { maxLength: 600 }), fc.jsonValue({ maxDepth: 1 })),
      },
      { requiredKeys: [] },
    ),
  )
  .map((o) => JSON.stringify(o));

const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  fc
    .constantFrom(
      '{',
      '{"a":',
      "{'a':1}",
      'NaN',
      'undefined',
      '{"a":1,}',
      '[1,2,]',
      '"just a string"',
      '42',
      'null',
      '\u0000',
      '{"a":"\\ud800"}',
      '{"a":1}{"b":2}',
      '\uFEFF{}',
    )
    .map((s) => Buffer.from(s, 'utf8')),
  deep.map((s) => Buffer.from(s)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  fc.nat(2_000_000).map((n) => Buffer.from(JSON.stringify({ name: 'あ'.repeat(n / 3), label: 'x' }))),
  notUtf8,
  { weight: 2, arbitrary: csvGarbage },
  { weight: 2, arbitrary: xlsxGarbage },
  { weight: 6, arbitrary: mutatedPart.map((s) => Buffer.from(s)) },
  { weight: 2, arbitrary: partsPart.map((s) => Buffer.from(s)) },
  { weight: 2, arbitrary: adminBody.map((s) => Buffer.from(s)) },
  fc
    .string({ unit: 'grapheme', maxLength: 200 })
    .map((s) => Buffer.from(`{${JSON.stringify(s)}:1,"__proto__":{"x":1},"constructor":{"prototype":{"y":2}}}`)),
);

const build = (
  method: string,
  path: string,
  authorization: string | null,
  contentType: string | undefined,
  body: Buffer | undefined,
  encoding: string | null = null,
): FuzzRequest => {
  const headers: Record<string, string> = {};
  if (authorization !== null) headers.authorization = authorization;
  if (contentType) headers['content-type'] = contentType;
  if (encoding) headers['content-encoding'] = encoding;
  return { method, path, headers, body: method === 'GET' || method === 'HEAD' ? body?.subarray(0, 1000) : body };
};

/** Anything at all: method, path, headers and body drawn independently. */
const anyRequest = fc
  .record({
    method: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('GET', 'POST') },
      fc.constantFrom('PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
    ),
    path: apiPath,
    authorization: fc.option(authorization, { freq: 8 }),
    contentType,
    encoding: fc.option(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown'), { freq: 10 }),
    body,
  })
  .map((r) => build(r.method, r.path, r.authorization, r.contentType, r.body, r.encoding));

type TokenRole = 'division' | 'accounting' | 'finance' | 'admin';
/** Mostly the role the route is for, sometimes another role or a bad header. */
const as = (role: TokenRole) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(role).map((r) => `Bearer ${tokens[r]}`) },
    fc.constantFrom<TokenRole>('division', 'accounting', 'finance', 'admin').map((r) => `Bearer ${tokens[r]}`),
    authorization,
  );
/** Mostly the right content type. */
const typed = (type: string) => fc.oneof({ weight: 6, arbitrary: fc.constant(type) }, contentType);
const invalidJson = fc
  .constantFrom('{', '{"a":', "{'a':1}", 'NaN', '{"a":1,}', '[1,2,]', '"s"', '42', 'null', '{"a":1}{"b":2}')
  .map((s) => Buffer.from(s));

/** Every route the app registers (walked in beforeAll), so a route added later is fuzzed too. */
let routes: { method: string; pattern: string }[] = [];

interface LayerLike {
  route?: { path: unknown; methods: Record<string, boolean> };
  rawPath?: unknown;
  handle: { stack?: LayerLike[] };
}
function routesOf(stack: readonly LayerLike[], prefix = ''): { method: string; pattern: string }[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const pattern = `${prefix}${String(layer.route.path)}`;
      return Object.keys(layer.route.methods).map((m) => ({ method: m.toUpperCase(), pattern }));
    }
    if (layer.handle.stack && typeof layer.rawPath === 'string') {
      return routesOf(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : layer.rawPath));
    }
    return [];
  });
}

/** A registered route with its parameters and the usual query parameters filled in oddly. */
const walkedRoute = fc
  .record({
    i: fc.nat(),
    params: fc.array(fc.oneof(ledgerIdLike, fyValue, fc.integer({ min: -5, max: 50 }).map(String)), {
      minLength: 4,
      maxLength: 4,
    }),
    query: fc.option(fc.tuple(fyValue, oddValue)),
    auth: fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .constantFrom<TokenRole>('division', 'accounting', 'finance', 'admin')
          .map((r) => `Bearer ${tokens[r]}`),
      },
      authorization,
    ),
    type: typed('application/json'),
    body,
  })
  .map((g) => {
    const route = routes[g.i % routes.length]!;
    let k = 0;
    let path = route.pattern.replace(/:\w+/g, () => g.params[k++ % g.params.length]!);
    if (g.query) path += `?fy=${g.query[0]}&since=${g.query[1]}&status=${g.query[1]}&limit=${g.query[1]}`;
    return build(route.method, path, g.auth, g.type, g.body);
  });

/** Requests aimed at a route: its method, its path, its content type and role, one thing wrong. */
const aimed = fc.oneof(
  { weight: 6, arbitrary: walkedRoute },
  {
    weight: 8,
    arbitrary: fc
      .record({
        id: fc.oneof({ weight: 6, arbitrary: fc.constant(ownLedger) }, ledgerIdLike),
        auth: as('division'),
        type: typed('application/json'),
        body: fc.oneof(
          { weight: 8, arbitrary: mutatedPart.map((s) => Buffer.from(s)) },
          { weight: 3, arbitrary: partsPart.map((s) => Buffer.from(s)) },
          deep.map((s) => Buffer.from(s)),
          notUtf8,
          invalidJson,
          fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
        ),
      })
      .map((r) => build('POST', `/api/v1/ledgers/${r.id}/submissions`, r.auth, r.type, r.body)),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(valuesPart, as('division'))
      .map(([b, auth]) =>
        build('POST', `/api/v1/ledgers/${newId('v')}/submissions`, auth, 'application/json', Buffer.from(b)),
      ),
  },
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        fc.tuple(typed(CSV), csvGarbage),
        fc.tuple(typed(`${CSV}; charset=shift_jis`), csvGarbage),
        fc.tuple(typed(XLSX), xlsxGarbage),
        fc.tuple(typed(XLSX), csvGarbage),
      )
      .chain(([type, b]) => as('finance').map((auth) => build('POST', '/api/v1/plans/import', auth, type, b))),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom<TokenRole>('division', 'accounting', 'finance'),
        fc.oneof(
          fc.tuple(ledgerIdLike, oddValue).map(([id, q]) => `/api/v1/ledgers/${id}/rows?since=${q}`),
          oddValue.map((q) => `/api/v1/ledgers/${ownLedger}/rows?since=${q}&since=1`),
          ledgerIdLike.map((id) => `/api/v1/ledgers/${id}`),
          fyValue.map((fy) => `/api/v1/plans?fy=${fy}`),
          fc
            .tuple(fyValue, fc.oneof(fc.constantFrom('json', 'tsv'), oddValue))
            .map(([fy, f]) => `/api/v1/reports/targets?fy=${fy}&format=${f}`),
          fyValue.map((fy) => `/api/v1/reports/claims?fy=${fy}`),
          fyValue.map((fy) => `/api/v1/reports/consolidated.xlsx?fy=${fy}`),
        ),
      )
      .chain(([role, path]) => as(role).map((auth) => build('GET', path, auth, undefined, undefined))),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.tuple(fc.constant('POST'), fc.constantFrom('/api/v1/admin/tokens', '/api/v1/admin/bureaus')),
          fc.tuple(
            fc.constant('DELETE'),
            tokenIdLike.map((id) => `/api/v1/admin/tokens/${id}`),
          ),
        ),
        as('admin'),
        typed('application/json'),
        fc.oneof(
          { weight: 4, arbitrary: adminBody.map((b) => Buffer.from(b)) },
          invalidJson,
          deep.map((b) => Buffer.from(b)),
          notUtf8,
        ),
      )
      .map(([[method, path], auth, type, b]) => build(method, path, auth, type, b)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fyValue, as('finance'))
      .map(([fy, auth]) => build('POST', `/api/v1/settlements/${fy}`, auth, undefined, undefined)),
  },
);

const fuzzRequest = fc.oneof({ weight: 3, arbitrary: anyRequest }, { weight: 7, arbitrary: aimed });

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        logLines.push(line);
        const { level, msg } = JSON.parse(line) as { level: number; msg: string };
        logs.push({ level, msg });
      }
      done();
    },
  });
  svc = await startTestService({ logger: pino({ level: 'info' }, sink) });
  port = Number(new URL(svc.url).port);
  const app = createApp({ db: svc.service.db, logger: pino({ level: 'silent' }) });
  routes = routesOf((app as unknown as { router: { stack: LayerLike[] } }).router.stack).filter(
    // Fuzzed revokes must not take away the run's own tokens (tokenIdLike aims there instead).
    (r) => !(r.method === 'DELETE' && r.pattern.startsWith('/api/v1/admin/tokens/')),
  );
  expect(routes.length).toBeGreaterThan(10);
  tokens.admin = svc.adminToken;
  tokens.division = await svc.makeToken('division', '財政局', '収納課');
  tokens.accounting = await svc.makeToken('accounting', '財政局');
  tokens.finance = await svc.makeToken('finance');
  tokens.revoked = await svc.makeToken('division', '財政局', '収納課');
  await svc.service.db.run('UPDATE tokens SET revoked_at = ? WHERE id = (SELECT MAX(id) FROM tokens)', [
    new Date().toISOString(),
  ]);
  // As the task pane does before its first submission: the key exists for the whole fuzzed run.
  const divisionAuth = { authorization: `Bearer ${tokens.division}` };
  const key = await send({ method: 'GET', path: '/api/v1/city-key', headers: divisionAuth });
  expect(key.status).toBe(200);
  cityKey = (JSON.parse(key.body.toString('utf8')) as { key: string }).key;
  const other = await svc.makeToken('division', '環境局', '業務課');
  part = makeSubmission({ upserts: await upsertsFor(makeRows(3)) })[0]!;
  for (const [t, id] of [
    [tokens.division, ownLedger],
    [other, otherLedger],
  ] as const) {
    const r = await send({
      method: 'POST',
      path: `/api/v1/ledgers/${id}/submissions`,
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ ...part, submissionId: newId('s') })),
    });
    expect(r.status).toBe(200);
  }
  part = { ...part, submissionId: newId('s'), baseRevision: 1 };
  xlsxFile = await toXlsx(seedRows());
  const imported = await send({
    method: 'POST',
    path: '/api/v1/plans/import',
    headers: { authorization: `Bearer ${tokens.finance}`, 'content-type': XLSX },
    body: xlsxFile,
  });
  expect(imported.status).toBe(200);
});
afterAll(async () => {
  agent.destroy();
  await svc?.close();
});

/** The contract every answer keeps, as a list of broken promises (empty when kept). */
function problems(r: FuzzRequest, a: Answer): string[] {
  const out: string[] = [];
  if (a.status >= 500) out.push(`status ${a.status}`);
  const text = a.body.toString('utf8');
  if (r.method === 'HEAD') return out;
  if (a.status < 200 || a.status >= 300) {
    if (!a.type.startsWith('application/json')) return [...out, `non-JSON ${a.status} (${a.type})`];
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return [...out, 'unparsable JSON'];
    }
    if (Object.keys(json).sort().join() !== 'code,details,message') out.push(`keys ${Object.keys(json).join()}`);
    if (typeof json.code !== 'string') out.push('code');
    if (typeof json.message !== 'string' || !JAPANESE.test(json.message)) out.push(`message ${String(json.message)}`);
  }
  if (/json|text/.test(a.type)) for (const leak of LEAKS) if (leak.test(text)) out.push(`leaks ${String(leak)}`);
  return out;
}

describe('fuzzed requests', () => {
  it(
    `${RUNS} malformed requests: never a 5xx, always a Japanese JSON error, nothing internal`,
    { timeout: 120_000 },
    async () => {
      const requests = fc.sample(fuzzRequest, { seed: SEED, numRuns: RUNS });
      expect(requests.length).toBe(RUNS);
      const byStatus = new Map<number, number>();
      const byCode = new Map<string, number>();
      const failures: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < requests.length) {
          const r = requests[next++]!;
          const describe = () =>
            `${r.method} ${r.path.slice(0, 120)} ${JSON.stringify(r.headers).slice(0, 200)} (${r.body?.length ?? 0} bytes)`;
          let a: Answer;
          try {
            a = await send(r);
          } catch (e) {
            failures.push(`${describe()} → ${String(e)}`);
            continue;
          }
          byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
          if (a.status >= 400 && a.type.startsWith('application/json') && r.method !== 'HEAD') {
            const code = String((JSON.parse(a.body.toString('utf8')) as { code?: unknown }).code);
            byCode.set(code, (byCode.get(code) ?? 0) + 1);
          }
          const p = problems(r, a);
          if (p.length > 0 && failures.length < 10) {
            failures.push(`${describe()} → ${a.status}: ${p.join('; ')} ${a.body.toString('utf8').slice(0, 300)}`);
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      if (process.env.FUZZ_STATS) {
        console.info(
          JSON.stringify({
            byStatus: Object.fromEntries([...byStatus].sort()),
            byCode: Object.fromEntries([...byCode].sort()),
          }),
        );
      }
      expect(failures).toEqual([]);
      expect(logs.filter((l) => l.level >= 50)).toEqual([]);
      // The run reached the handlers, not only the token check.
      const count = (pred: (s: number) => boolean) =>
        [...byStatus].filter(([s]) => pred(s)).reduce((n, [, c]) => n + c, 0);
      expect(count((s) => s >= 200 && s < 300)).toBeGreaterThan(RUNS / 20);
      expect(count((s) => s === 400 || s === 422)).toBeGreaterThan(RUNS / 10);
      expect(byCode.size).toBeGreaterThan(10);
    },
  );

  it('the service is still up, its data readable, and the database sound', async () => {
    const fresh = await svc.service.db.transaction((tx) =>
      insertToken(tx, { role: 'finance', bureauId: null, divisionId: null, label: 'after fuzz' }),
    );
    const auth = { authorization: `Bearer ${fresh.token}` };
    const me = await send({ method: 'GET', path: '/api/v1/me', headers: auth });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body.toString('utf8'))).toMatchObject({ role: 'finance' });
    const ledger = await send({ method: 'GET', path: `/api/v1/ledgers/${ownLedger}`, headers: auth });
    expect(ledger.status).toBe(200);
    expect(await integrityProblems(svc.database)).toEqual([]);
    // No prototype was polluted by a `__proto__` key.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});

describe('the city key', () => {
  it('goes to division tokens only, and is in no log line and no audit row', async () => {
    const get = (role: TokenRole) =>
      send({ method: 'GET', path: '/api/v1/city-key', headers: { authorization: `Bearer ${tokens[role]}` } });
    const division = await get('division');
    expect(division.status).toBe(200);
    const key = (JSON.parse(division.body.toString('utf8')) as { key: string }).key;
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).toBe(cityKey);
    for (const role of ['accounting', 'finance', 'admin'] as const) {
      const r = await get(role);
      expect(r.status, role).toBe(403);
      expect(r.body.toString('utf8')).not.toContain(key);
    }
    // The request log is written once the answer is sent: let the last lines in.
    await new Promise((r) => setTimeout(r, 50));
    // The whole fuzzed run (city-key requests, submissions, token changes among them) and the calls above.
    expect(logLines.length).toBeGreaterThan(RUNS);
    expect(logLines.some((l) => l.includes('"path":"/api/v1/city-key"'))).toBe(true);
    expect(logLines.filter((l) => l.includes(key))).toEqual([]);
    const audit = await svc.service.db.all<Record<string, unknown>>('SELECT * FROM audit_log');
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.filter((row) => JSON.stringify(row).includes(key))).toEqual([]);
  });
});

describe('requests the HTTP parser refuses', () => {
  const expectJsonError = (a: Answer, status: number, code: string) => {
    expect(a.status).toBe(status);
    expect(a.type).toMatch(/^application\/json/);
    expect(JSON.parse(a.body.toString('utf8'))).toEqual({
      code,
      message: expect.stringMatching(JAPANESE),
      details: null,
    });
  };

  it('headers or a URL above 16 KB: 431 as JSON', async () => {
    expectJsonError(
      await send({ method: 'GET', path: '/api/v1/me', headers: { authorization: `Bearer ${'A'.repeat(20_000)}` } }),
      431,
      'headers-too-large',
    );
    expectJsonError(
      await send({ method: 'GET', path: `/api/v1/plans?fy=${'1'.repeat(20_000)}`, headers: {} }),
      431,
      'headers-too-large',
    );
  });

  it('a request line that is not HTTP: 400 as JSON', async () => {
    const raw = await new Promise<string>((done, fail) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('GARBAGE / NOT-HTTP\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += String(d)));
      socket.on('end', () => done(text));
      socket.on('error', fail);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body!)).toMatchObject({ code: 'bad-request', message: expect.stringMatching(JAPANESE) });
  });
});

describe('bodies at the size limits', () => {
  const bytes = (limit: string) => Number(/^(\d+)mb$/.exec(limit)![1]) * 1024 * 1024;

  it(`a JSON body of exactly ${DEFAULT_JSON_LIMIT} is read; one byte more is 413 with guidance`, async () => {
    const limit = bytes(DEFAULT_JSON_LIMIT);
    const padded = (n: number) => {
      const head = '{"pad":"';
      return Buffer.from(head + 'x'.repeat(n - head.length - 2) + '"}');
    };
    const headers = { authorization: `Bearer ${tokens.division}`, 'content-type': 'application/json' };
    const path = `/api/v1/ledgers/${ownLedger}/submissions`;
    const at = await send({ method: 'POST', path, headers, body: padded(limit) });
    expect(at.status).toBe(400);
    const over = await send({ method: 'POST', path, headers, body: padded(limit + 1) });
    expect(over.status).toBe(413);
    const json = JSON.parse(over.body.toString('utf8'));
    expect(json).toEqual({
      code: 'too-large',
      message: expect.stringMatching(JAPANESE),
      details: { limit: DEFAULT_JSON_LIMIT },
    });
    expect(json.message).toContain(DEFAULT_JSON_LIMIT);
    expect(json.message).toMatch(/分けて送って/);
  });

  it(`a plan file above ${PLAN_IMPORT_LIMIT} is 413 too`, async () => {
    const r = await send({
      method: 'POST',
      path: '/api/v1/plans/import',
      headers: { authorization: `Bearer ${tokens.finance}`, 'content-type': CSV },
      body: Buffer.alloc(bytes(PLAN_IMPORT_LIMIT) + 1, 0x41),
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body.toString('utf8'))).toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(JAPANESE),
    });
  });
});
