/**
 * docs/api.md from the route table: each route's method, path, roles, request and answer (zod
 * schemas as JSON Schema, condensed into nested field lists), and the error codes with their
 * meaning. `npm run api-docs` writes it; test/docs/api-docs.test.ts fails when it is stale.
 */
import { z } from 'zod';
import { API_ERRORS, API_ERROR_CODES } from './errors.js';
import { COMMON_ERRORS, ROUTE_LIST, type Content, type RouteSpec } from './routes.js';

// The JSON Schema subset zod emits for these schemas.
interface Js {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  items?: Js;
  prefixItems?: Js[];
  additionalProperties?: Js | boolean;
  anyOf?: Js[];
  oneOf?: Js[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  deprecated?: boolean;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const code = (s: string) => `\`${s}\``;

const isObject = (s: Js) => s.type === 'object' && s.properties !== undefined;
const variants = (s: Js) => s.anyOf ?? s.oneOf;

/** `integer 1–28`, `string ≤ 100`, `'a' | 'b'`: a schema's type in one phrase (objects: `object`). */
function typeOf(s: Js): string {
  const vs = variants(s);
  if (vs) {
    const rest = vs.filter((v) => v.type !== 'null');
    const base = rest.length === 1 ? typeOf(rest[0]!) : rest.map(typeOf).join(' | ');
    return rest.length < vs.length ? `${base}, or null` : base;
  }
  if (s.const !== undefined) return code(JSON.stringify(s.const));
  if (s.enum) return s.enum.map((e) => code(JSON.stringify(e))).join(' | ');
  if (s.type === 'array') {
    if (s.prefixItems) return `[${s.prefixItems.map(typeOf).join(', ')}]`;
    const of = s.items ? typeOf(s.items) : 'any';
    return `array of ${of}${s.maxItems !== undefined ? ` (≤ ${s.maxItems})` : ''}`;
  }
  if (s.type === 'object') {
    const extra = s.additionalProperties;
    if (!s.properties && extra && typeof extra === 'object') return `map of string to ${typeOf(extra)}`;
    return 'object';
  }
  if (s.type === 'integer' || s.type === 'number') {
    const lo = s.minimum !== undefined && s.minimum > -SAFE ? s.minimum : undefined;
    const hi = s.maximum !== undefined && s.maximum < SAFE ? s.maximum : undefined;
    const range = lo !== undefined && hi !== undefined ? ` ${lo}–${hi}` : lo !== undefined ? ` ≥ ${lo}` : hi !== undefined ? ` ≤ ${hi}` : ''; // prettier-ignore
    return `${s.type}${range}`;
  }
  if (s.type === 'string') {
    const len =
      s.minLength !== undefined && s.maxLength !== undefined
        ? ` ${s.minLength}–${s.maxLength} chars`
        : s.maxLength !== undefined
          ? ` ≤ ${s.maxLength} chars`
          : '';
    return `string${len}${s.pattern ? ` matching ${code(s.pattern)}` : ''}`;
  }
  if (Array.isArray(s.type)) {
    const rest = s.type.filter((t) => t !== 'null');
    const base = rest.map((t) => typeOf({ ...s, type: t })).join(' | ');
    return rest.length < s.type.length ? `${base}, or null` : base;
  }
  return s.type === undefined ? 'any' : s.type;
}

/** The object a field's fields come from: itself, its array's items, or its non-null variant. */
function nestedObject(s: Js): Js | undefined {
  if (isObject(s)) return s;
  if (s.type === 'array' && s.items) return nestedObject(s.items);
  const rest = variants(s)?.filter((v) => v.type !== 'null');
  return rest?.length === 1 ? nestedObject(rest[0]!) : undefined;
}

function fieldLines(s: Js, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).flatMap(([name, f]) => {
    const notes = [
      required.has(name) ? '' : 'optional',
      f.default !== undefined ? `default ${code(JSON.stringify(f.default))}` : '',
      f.deprecated ? '**deprecated**' : '',
    ].filter(Boolean);
    const description = f.description ?? variants(f)?.find((v) => v.description)?.description;
    const line =
      `${pad}- ${code(name)}: ${typeOf(f)}` +
      (notes.length ? ` (${notes.join(', ')})` : '') +
      (description ? ` — ${description}` : '');
    const inner = nestedObject(f);
    return [line, ...(inner ? fieldLines(inner, depth + 1) : variantLines(f, depth + 1))];
  });
}

/** The fields of each object variant of a union (the period's two forms, the submission's two answers). */
function variantLines(s: Js, depth: number): string[] {
  const objects = (variants(s) ?? (s.type === 'array' && s.items ? (variants(s.items) ?? []) : [])).filter(isObject);
  if (objects.length < 2) return [];
  const pad = '  '.repeat(depth);
  return objects.flatMap((o, i) => [`${pad}- one of (${i + 1}):`, ...fieldLines(o, depth + 1)]);
}

function schemaLines(schema: z.ZodType, io: 'input' | 'output'): string[] {
  const js = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Js;
  if (isObject(js)) return fieldLines(js, 0).length ? fieldLines(js, 0) : ['No fields.'];
  const vs = variantLines(js, 0);
  return vs.length ? vs : [`${typeOf(js)}`];
}

const isContent = (x: unknown): x is Content => typeof x === 'object' && x !== null && 'contentType' in x;

function routeSection(r: RouteSpec): string[] {
  const out = [`### ${r.method} ${r.path}`, '', r.summary, ''];
  const roles = r.roles === 'public' ? 'anyone (no token)' : r.roles.map(code).join(', ');
  out.push(`- Roles: ${roles}`, `- Success: ${(r.ok ?? [200]).join(', ')}`);
  if (r.errors?.length) out.push(`- Errors: ${r.errors.map(code).join(', ')}`);
  out.push('');
  const part = (title: string, lines: string[]) => out.push(`${title}:`, '', ...lines, '');
  if (r.params) part('Path parameters', schemaLines(r.params, 'input'));
  if (r.query) part('Query', schemaLines(r.query, 'input'));
  if (r.body) {
    if (isContent(r.body)) part('Body', [`${code(r.body.contentType)}: ${r.body.description}`]);
    else part('Body (JSON)', schemaLines(r.body, 'input'));
  }
  if (r.response === null) part('Answer', ['No content.']);
  else if (isContent(r.response)) part('Answer', [`${code(r.response.contentType)}: ${r.response.description}`]);
  else part('Answer (JSON)', schemaLines(r.response, 'output'));
  return out;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderApiMarkdown(): string {
  const lines = [
    '# The saiken service API',
    '',
    '<!-- Generated from domain/api/routes.ts by `npm run api-docs`: edit the route table, not this file. -->',
    '',
    'Every route under `/api/v1` needs `Authorization: Bearer <token>`; what a token may do follows from its role',
    '(and its bureau or division). Bodies are JSON in UTF-8 unless a route says otherwise. Answers may gain',
    'fields; clients ignore the ones they do not know.',
    '',
    '- Amounts are whole yen. Sums over many claims are exact integers: a JSON number up to 2^53 − 1 and the',
    '  decimal digits as a string beyond (`domain/reports/exact.ts`).',
    '- States, reasons, statuses and roles are codes, never labels: clients word them in their own language.',
    '- Fields marked **deprecated** will stop being sent.',
    '- A refusal is `{ code, message, details }`: the code is the contract, the message Japanese, and the',
    '  details never hold a value from a cell.',
    `- Any route may also answer ${COMMON_ERRORS.map(code).join(', ')}.`,
    '',
    '## Error codes',
    '',
    '| Code | Meaning |',
    '| --- | --- |',
    ...API_ERROR_CODES.map((c) => `| ${code(c)} | ${cell(API_ERRORS[c])} |`),
    '',
    '## Routes',
    '',
    ...ROUTE_LIST.flatMap(routeSection),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
