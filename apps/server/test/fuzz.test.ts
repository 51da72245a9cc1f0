/**
 * Every write route of the served OpenAPI document gets a bounded, seeded set of malformed requests:
 * missing and wrong-typed fields, 1 MB strings, NUL and lone surrogates, integers past 32 bits,
 * negative and fractional numbers, floats for money, malformed path ids and ids of another
 * organisation, malformed multipart bodies. None may answer 5xx, every 4xx carries its code (and a
 * validation failure names the field it is about), and no table may change.
 */

import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connect.ts';
import { login, type Session, testApp } from './harness.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maxLength?: number;
  minLength?: number;
  minItems?: number;
}
interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface Case {
  readonly title: string;
  readonly url: string;
  readonly payload?: string | object | Buffer;
  readonly headers?: Record<string, string>;
  /** The field a validation failure must name, when the case is about one field. */
  readonly field?: string;
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
/** Logout reads no input and ends the suite's own session; it has nothing to fuzz. */
const SKIPPED = new Set(['POST /api/auth/logout']);
const ANONYMOUS = new Set(['POST /api/auth/login']);
/** Upload routes read multipart bodies, which the OpenAPI document does not describe. */
const UPLOADS = new Set([
  'POST /api/evaluations/{id}/workbook',
  'POST /api/evaluations/{id}/attachments',
  'POST /api/admin/import',
  'POST /api/ledger/import',
]);
/** Who sends each route's requests: a user who holds the route's role, so the service is reached when validation lets a body through. */
const SENDER: readonly [RegExp, string][] = [
  [/^\/api\/(organisations|users|admin|fiscal-years|projects)/, 'admin'],
  [/^\/api\/(evaluations|goals|indicators|attachments)/, 'unit.preparer'],
  [/^\/api\/(assets|stocktakes)/, 'asset.manager'],
  [/^\/api\/self-assessment/, 'head'],
  [/^\/api\/monitoring\/rule-sets/, 'admin'],
  [/^\/api\//, 'requester'],
];
/** The table behind each path segment that names a record, for real ids. */
const TABLE_OF: Record<string, string> = {
  evaluations: 'evaluations',
  declarations: 'target_declarations',
  goals: 'goals',
  indicators: 'indicators',
  attachments: 'attachments',
  organisations: 'organisations',
  users: 'users',
  'budget-lines': 'budget_lines',
  'budget-adjustments': 'budget_adjustments',
  payments: 'payment_requests',
  procurements: 'procurements',
  contracts: 'contracts',
  milestones: 'contract_milestones',
  closures: 'contract_closures',
  assets: 'assets',
  disposals: 'asset_disposals',
  grants: 'subsidy_grants',
  'follow-ups': 'subsidy_follow_ups',
  'ex-ante-assessments': 'ex_ante_assessments',
  surveys: 'surveys',
  responses: 'survey_responses',
  'indicator-library': 'indicator_library',
  'target-declarations': 'target_declarations',
  rereviews: 'rereview_rounds',
  samples: 'rereview_samples',
  rectifications: 'rectifications',
  adjustments: 'target_adjustments',
  notifications: 'notifications',
  results: 'evaluations',
  forms: 'monitoring_forms',
  tasks: 'monitoring_tasks',
  'public-settings': 'organisations',
};
/**
 * Tables written by design when a request is refused or a user signs in: sessions and login
 * throttling, and the record of steps a control rule refused (evidence for the self-assessment).
 */
const UNCOUNTED = new Set(['sessions', 'login_throttle', 'control_refusals']);
const MEGABYTE = 'x'.repeat(1024 * 1024);
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const CASES_PER_ROUTE = 10;

const t = await testApp();
afterAll(() => t.close());
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.deps.db, query);

// The unit preparer's own records are the project evaluation's; the department's are another organisation's.
const [unit] = await rows<{ id: string; parent: string }>(
  sql`select o.id, o.parent_id as parent from organisations o join users u on u.organisation_id = o.id where u.username = 'unit.preparer'`,
);
if (!unit) throw new Error('demo unit missing');
const [bureau] = await rows<{ id: string }>(sql`select id from organisations where kind = 'finance-bureau'`);
const [departmentEvaluation] = await rows<{ id: string }>(
  sql`select id from evaluations where organisation_id = ${unit.parent} and kind = 'department'`,
);
const [otherGoal] = await rows<{ id: string }>(sql`select id from goals where evaluation_id = ${departmentEvaluation?.id} limit 1`);
const [otherIndicator] = await rows<{ id: string }>(
  sql`select id from indicators where evaluation_id = ${departmentEvaluation?.id} limit 1`,
);
const OTHER_ORGANISATION: Record<string, string | undefined> = {
  evaluations: departmentEvaluation?.id,
  goals: otherGoal?.id,
  indicators: otherIndicator?.id,
};

async function ownId(segment: string, sender: string): Promise<string> {
  if (segment === 'fiscal-years') return '2024';
  if (segment === 'management') return 'MGT-NONE';
  const table = TABLE_OF[segment];
  if (!table) throw new Error(`no table for path segment ${segment}: add it to TABLE_OF`);
  const scoped =
    sender === 'unit.preparer' && table === 'evaluations'
      ? sql`select id from evaluations where organisation_id = ${unit?.id} order by id limit 1`
      : sender === 'unit.preparer' && (table === 'goals' || table === 'indicators' || table === 'attachments')
        ? sql`select x.id from ${sql.identifier(table)} x join evaluations e on e.id = x.evaluation_id where e.organisation_id = ${unit?.id} order by x.id limit 1`
        : sql`select id from ${sql.identifier(table)} order by id limit 1`;
  const [row] = await rows<{ id: string }>(scoped);
  return row?.id ?? NO_SUCH_ID;
}

async function snapshot(): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counted = tables.map((table) => table.name).filter((name) => !UNCOUNTED.has(name));
  const selects = sql.join(
    counted.map((name) => sql`select ${name} as name, count(*)::text as n from ${sql.identifier(name)}`),
    sql` union all `,
  );
  const counts = await rows<{ name: string; n: string }>(sql`${selects}`);
  const [audit] = await rows<{ last: string | null }>(sql`select max(id)::text as last from audit_log`);
  return { ...Object.fromEntries(counts.map((row) => [row.name, row.n])), 'audit_log.max(id)': audit?.last ?? '' };
}

/** mulberry32: a small seeded generator, so a failing case reproduces exactly. */
function random(seedText: string): () => number {
  let seed = [...seedText].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let value = seed;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const first = (schema: JsonSchema): JsonSchema => schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema;
const typeOf = (schema: JsonSchema): string | undefined =>
  Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type;
const isMoney = (schema: JsonSchema) => schema.pattern?.startsWith('^-?\\d{1,16}') === true;

/** A body of the right shape holding plausible values, for mutating one field at a time. */
function skeleton(input: JsonSchema, name = ''): unknown {
  const schema = first(input);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, skeleton(schema.properties?.[key] ?? {}, key)]));
    case 'array':
      return schema.minItems && schema.items ? [skeleton(schema.items, name)] : [];
    case 'integer':
    case 'number':
      return /year/i.test(name) ? 2024 : (schema.minimum ?? 1);
    case 'boolean':
      return false;
    default:
      if (schema.format === 'uuid') return NO_SUCH_ID;
      if (schema.format === 'date') return '2024-06-30';
      if (isMoney(schema)) return '1.00';
      if (schema.pattern) return '1';
      return '测试'.repeat(Math.max(1, Math.ceil((schema.minLength ?? 1) / 2)));
  }
}

interface Leaf {
  readonly path: (string | number)[];
  readonly schema: JsonSchema;
}
function leaves(input: JsonSchema, path: (string | number)[] = [], depth = 0): Leaf[] {
  const schema = first(input);
  const type = typeOf(schema);
  const here: Leaf[] = path.length > 0 ? [{ path, schema }] : [];
  if (depth >= 3) return here;
  if (type === 'object') {
    const properties = Object.entries(schema.properties ?? {});
    if (typeof schema.additionalProperties === 'object') properties.push(['键', schema.additionalProperties]);
    return [...here, ...properties.flatMap(([key, child]) => leaves(child, [...path, key], depth + 1))];
  }
  if (type === 'array' && schema.items) return [...here, ...leaves(schema.items, [...path, 0], depth + 1)];
  return here;
}

/** Bad values for one field, each refused by the field's own schema. */
function badValues(leaf: Leaf, otherId: string | undefined): [string, unknown][] {
  const schema = first(leaf.schema);
  const type = typeOf(schema);
  if (schema.enum)
    return [
      ['不在取值范围内的值', '不存在的取值'],
      ['空字符', 'a\u0000'],
    ];
  switch (type) {
    case 'object':
      return [['对象写成字符串', '{}']];
    case 'array':
      return [['数组写成对象', { 0: 'a' }]];
    case 'integer':
      return [
        ...(leaf.path.at(-1) === 'fiscalYear' ? ([['未建立的年度', 2099]] as [string, unknown][]) : []),
        ['超过 32 位的整数', 2147483648],
        ['极大的整数', 9007199254740991],
        ['负的超过 32 位的整数', -2147483649],
        ['小数', 1.5],
        ['整数写成字符串', '1'],
      ];
    case 'number':
      return [
        ['超过 32 位的整数', 2147483648],
        ['数字写成字符串', 'abc'],
      ];
    case 'boolean':
      return [['布尔值写成字符串', 'true']];
    default: {
      const values: [string, unknown][] = [
        ['空字符 U+0000', 'a\u0000b'],
        ['孤立代理项', 'a\ud800b'],
        ['1 MB 的字符串', MEGABYTE],
        ['字符串写成数字', 7],
      ];
      if (isMoney(schema)) values.push(['金额写成浮点数', 12.345], ['金额三位小数', '12.345'], ['超长金额', '1'.repeat(40)]);
      if (schema.format === 'uuid') {
        values.push(['不是编号', 'not-a-uuid']);
        if (otherId) values.push(['另一单位的编号', otherId]);
      }
      return values;
    }
  }
}

function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  const root = structuredClone(base ?? {}) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  path.forEach((key, index) => {
    if (index === path.length - 1) node[key] = value;
    else {
      const next = path[index + 1];
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof next === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  });
  return root;
}

const fieldPath = (path: (string | number)[]) => `body${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')}`;

function multipartCases(url: string): Case[] {
  const boundary = 'jixiaofuzz';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const type = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  return [
    { title: 'multipart 缺少 boundary', url, payload: 'abc', headers: { 'content-type': 'multipart/form-data' } },
    { title: 'multipart 内容不是分段', url, payload: 'not multipart at all', headers: type },
    { title: 'multipart 被截断', url, payload: `${head}PK\u0003\u0004abc`, headers: type },
    { title: 'multipart 分段头不完整', url, payload: `--${boundary}\r\nContent-Disposition: form-data\r\n`, headers: type },
    {
      title: 'multipart 只有字段没有文件',
      url,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--${boundary}--\r\n`,
      headers: type,
    },
    {
      title: 'multipart 文件名含空字符',
      url,
      payload: Buffer.from(`${head.replace('a.xlsx', 'a\u0000.xlsx')}PK\r\n--${boundary}--\r\n`),
      headers: type,
      field: 'file.filename',
    },
    { title: 'multipart 空内容', url, payload: '', headers: type },
    { title: '上传写成 JSON', url, payload: { file: 'abc' } },
  ];
}

async function casesFor(method: string, template: string, operation: Operation, sender: string): Promise<Case[]> {
  const key = `${method.toUpperCase()} ${template}`;
  const next = random(key);
  const pathParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
  const queryParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query' && parameter.required);
  const segments = template.split('/');
  const own: Record<string, string> = {};
  for (const parameter of pathParams) {
    const segment = segments[segments.indexOf(`{${parameter.name}}`) - 1] ?? '';
    own[parameter.name] = await ownId(segment, sender);
  }
  const query: Record<string, string> = {};
  for (const parameter of queryParams) {
    const schema = first(parameter.schema);
    // A version no record has: a request that passes validation meets a version conflict, never a write.
    query[parameter.name] =
      parameter.name === 'version'
        ? '2147483647'
        : parameter.name === 'organisationId'
          ? (unit?.id ?? NO_SUCH_ID)
          : String(skeleton(schema, parameter.name));
  }
  const url = (params: Record<string, string>, q: Record<string, string>) => {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    const search = new URLSearchParams(q).toString();
    return search ? `${path}?${search}` : path;
  };
  const base = url(own, query);
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const body = schema ? skeleton(schema) : undefined;
  // An organisation outside the sender's posts: the department for the unit's preparer, the finance bureau for the department's staff.
  const otherId = sender === 'admin' ? undefined : sender === 'unit.preparer' ? unit?.parent : bureau?.id;
  const cases: Case[] = [];

  for (const parameter of pathParams) {
    const segment = segments[segments.indexOf(`{${parameter.name}}`) - 1] ?? '';
    const variants: [string, string][] =
      segment === 'fiscal-years'
        ? [
            ['超过 32 位的年度', '2147483648'],
            ['极大的年度', '99999999999999999999'],
          ]
        : [
            ['不是编号', 'not-a-uuid'],
            ['不存在的编号', NO_SUCH_ID],
          ];
    variants.push(['空字符', 'a\u0000b']);
    const other = OTHER_ORGANISATION[segment];
    if (other && sender !== 'admin') variants.push(['另一单位的记录', other]);
    for (const [title, value] of variants)
      cases.push({ title: `路径 ${parameter.name}：${title}`, url: url({ ...own, [parameter.name]: value }, query), payload: body ?? {} });
  }
  for (const parameter of queryParams) {
    const variants: [string, string][] = [
      ['空字符', 'a\u0000b'],
      ['超过 32 位的整数', '2147483648'],
      ['不是数字', 'abc'],
    ];
    for (const [title, value] of variants)
      cases.push({
        title: `查询参数 ${parameter.name}：${title}`,
        url: url(own, { ...query, [parameter.name]: value }),
        payload: body ?? {},
      });
  }
  if (UPLOADS.has(key)) cases.push(...multipartCases(base));
  if (!schema) return cases;

  if ((first(schema).required ?? []).length > 0) cases.push({ title: '空对象（缺少必填字段）', url: base, payload: {} });
  cases.push({ title: '请求体是数组', url: base, payload: [] });
  // The skeleton names records that do not exist: refused, whatever the route would do with them.
  if (JSON.stringify(body).includes(NO_SUCH_ID)) cases.push({ title: '引用不存在的记录', url: base, payload: body as object });
  cases.push({ title: '请求体不是 JSON', url: base, payload: '{"a":', headers: { 'content-type': 'application/json' } });

  // Every field's bad values, in a seeded order; the kinds the issue names come first so each route meets them.
  const mutations = leaves(schema).flatMap((leaf) =>
    badValues(leaf, otherId).map(([title, value]) => ({ leaf, title, value, order: next() })),
  );
  const priority = ['空字符 U+0000', '孤立代理项', '超过 32 位的整数', '金额写成浮点数', '1 MB 的字符串', '另一单位的编号', '未建立的年度'];
  const picked = new Set<(typeof mutations)[number]>();
  for (const title of priority) {
    const match = mutations.filter((mutation) => mutation.title === title).sort((a, b) => a.order - b.order)[0];
    if (match) picked.add(match);
  }
  for (const mutation of [...mutations].sort((a, b) => a.order - b.order)) {
    if (picked.size >= CASES_PER_ROUTE) break;
    picked.add(mutation);
  }
  for (const { leaf, title, value } of picked) {
    const field = fieldPath(leaf.path);
    cases.push({
      title: `${field}：${title}`,
      url: base,
      payload: withValue(body, leaf.path, value) as object,
      ...(title === '另一单位的编号' || title === '未建立的年度' ? {} : { field }),
    });
  }
  return cases;
}

function problemsOf(response: { statusCode: number; body: string }, testCase: Case): string | null {
  if (response.statusCode >= 500) return `answered ${response.statusCode}`;
  if (response.statusCode < 400) return `was accepted (${response.statusCode})`;
  let answer: { code?: unknown; message?: unknown; details?: unknown };
  try {
    answer = JSON.parse(response.body);
  } catch {
    return `answered ${response.statusCode} without a JSON body`;
  }
  if (typeof answer.code !== 'string' || typeof answer.message !== 'string')
    return `answered ${response.statusCode} without code and message`;
  if (answer.code !== 'VALIDATION_FAILED') return null;
  const details = Array.isArray(answer.details) ? (answer.details as { path?: unknown; message?: unknown }[]) : [];
  if (details.length === 0 || details.some((detail) => typeof detail.path !== 'string' || typeof detail.message !== 'string'))
    return 'is a validation failure that names no field';
  const field = testCase.field;
  if (field && !details.some((detail) => typeof detail.path === 'string' && (detail.path === field || detail.path.startsWith(field))))
    return `does not name ${field}: ${details.map((detail) => detail.path).join(', ')}`;
  return null;
}

const reader = await login(t.app, 'auditor');
const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: { cookie: reader.cookie } })).json() as {
  paths: Record<string, Partial<Record<(typeof WRITE_METHODS)[number], Operation>>>;
};
const routes = Object.entries(document.paths).flatMap(([template, operations]) =>
  WRITE_METHODS.flatMap((method) => {
    const operation = operations[method];
    const name = `${method.toUpperCase()} ${template}`;
    return operation && !SKIPPED.has(name) ? [{ name, method, template, operation }] : [];
  }),
);
const sessions = new Map<string, Session>();

describe('malformed input to every write route', () => {
  it('covers every write route of the API document, the uploads among them', () => {
    expect(routes.length).toBeGreaterThan(45);
    const keys = new Set(routes.map((route) => route.name));
    for (const upload of UPLOADS) expect(keys).toContain(upload);
  });

  it.each(routes)(
    '$name: no 5xx, every 4xx names its field, nothing written',
    async ({ name: key, method, template, operation }) => {
      const sender = ANONYMOUS.has(key) ? null : (SENDER.find(([pattern]) => pattern.test(template))?.[1] ?? 'requester');
      let session = sender ? sessions.get(sender) : undefined;
      if (sender && !session) {
        session = await login(t.app, sender);
        sessions.set(sender, session);
      }
      const cases = await casesFor(method, template, operation, sender ?? 'anonymous');
      const before = await snapshot();
      const failures: string[] = [];
      for (const testCase of cases) {
        const payload = testCase.payload;
        const request: InjectOptions = {
          method: method.toUpperCase() as InjectOptions['method'],
          url: testCase.url,
          headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...testCase.headers },
          ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
        };
        const response = await t.app.inject(request);
        const problem = problemsOf(response, testCase);
        if (problem) failures.push(`${key} ${testCase.url} — ${testCase.title} ${problem}: ${response.body.slice(0, 300)}`);
      }
      expect(failures).toEqual([]);
      expect(await snapshot()).toEqual(before);
    },
    120_000,
  );
});
