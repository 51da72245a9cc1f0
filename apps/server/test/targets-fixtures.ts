import type { DeclarationDetail, DeclaredIndicatorFields, SaveDeclaration } from '@jixiao/contract';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { queryRows } from '../src/db/connect.ts';
import { createProject, ensureFiscalYear } from '../src/seed/builders.ts';
import { as, type Session, type TestApp } from './harness.ts';

/** A project of the demo's 中小企业服务中心 (unit.preparer's unit) in a year of its own, for declarations. */
export async function declarationProject(t: TestApp, code: string, year = 2026) {
  await ensureFiscalYear(t.deps.db, year);
  const [unit] = await queryRows<{ id: string }>(
    t.deps.db,
    sql`select o.id from organisations o join users u on u.organisation_id = o.id where u.username = 'unit.preparer'`,
  );
  if (!unit) throw new Error('demo unit missing');
  return createProject(t.deps.db, {
    organisationId: unit.id,
    fiscalYear: year,
    code,
    name: `中小企业数字化转型服务项目（${code}）`,
    category: '其他',
    budgetFen: 120_000_000,
  });
}

export async function declarationDetail(app: FastifyInstance, session: Session, id: string): Promise<DeclarationDetail> {
  const response = await as(app, session).get(`/api/declarations/${id}`);
  if (response.statusCode !== 200) throw new Error(`declaration ${id}: ${response.statusCode} ${response.body}`);
  return response.json() as DeclarationDetail;
}

export const GOAL_ID = '6f1c2f7e-6d0a-4c55-9a55-1f6d2d8e0a01';

/** 服务企业数量: a complete line, every column filled. */
export const COUNT_LINE: DeclaredIndicatorFields = {
  goalId: GOAL_ID,
  level1: 'output',
  level2: 'quantity',
  name: '服务企业数量',
  nature: 'quantitative',
  direction: '>=',
  target: '300',
  targetText: '≥300家',
  unit: '家',
  basis: 'history',
  basisText: '2025 年实际服务 286 家',
  dataSource: '服务台账',
  method: '统计服务台账中的企业户数',
  evidence: '服务台账、签到表',
  lastYearActual: '286',
  core: true,
  scoringRule: '达到目标值得满分，每少 10 家扣 1 分',
  weight: '20',
};

/** No 质量 / 时效 / 成本 / 满意度 lines, so the coverage checks have something to say. */
export const THIN_INDICATORS: DeclaredIndicatorFields[] = [
  COUNT_LINE,
  {
    goalId: GOAL_ID,
    level1: 'effect',
    level2: 'social',
    name: '企业数字化水平',
    nature: 'qualitative',
    direction: 'qualitative',
    targetText: '有所提升',
    basis: 'plan',
  },
];

export const FULL_INDICATORS: DeclaredIndicatorFields[] = [
  ...THIN_INDICATORS,
  { level1: 'output', level2: 'quality', name: '服务方案验收合格率', nature: 'quantitative', direction: '>=', target: '95', unit: '%' },
  {
    level1: 'output',
    level2: 'timeliness',
    name: '年度服务完成时间',
    nature: 'qualitative',
    direction: 'qualitative',
    targetText: '12月底前',
  },
  { level1: 'output', level2: 'cost', name: '户均服务成本', nature: 'quantitative', direction: '<=', target: '4000', unit: '元' },
  {
    level1: 'satisfaction',
    level2: 'beneficiary',
    name: '服务企业满意度',
    nature: 'quantitative',
    direction: '>=',
    target: '90',
    unit: '%',
    dataSource: '问卷调查',
  },
];

export function form(detail: DeclarationDetail, indicators: readonly DeclaredIndicatorFields[]): SaveDeclaration {
  return {
    version: detail.version,
    projectName: detail.projectName,
    projectCode: detail.projectCode,
    department: detail.department,
    implementingUnit: detail.implementingUnit,
    attribute: 'continuing',
    periodStart: `${detail.fiscalYear}-01-01`,
    periodEnd: `${detail.fiscalYear}-12-31`,
    funds: { fiscal: '1000000.00', other: '200000.00' },
    overallGoal: '推动辖区中小企业数字化转型，三年内服务企业不少于 900 家',
    annualGoals: [{ id: GOAL_ID, text: '全年为不少于 300 家中小企业提供数字化诊断与改造服务' }],
    indicators: [...indicators],
  };
}

/** Keeps the ids the server gave, line by line, so a save edits the lines instead of replacing them. */
export const withIds = (detail: DeclarationDetail, indicators: readonly DeclaredIndicatorFields[]): DeclaredIndicatorFields[] =>
  indicators.map((line, index) => ({ ...line, id: detail.indicators[index]?.id }));

export async function step(
  app: FastifyInstance,
  session: Session,
  id: string,
  body: { action: 'submit' | 'approve' | 'return'; comment?: string; reasons?: Record<string, string>; opinions?: unknown[] },
) {
  const { version } = await declarationDetail(app, session, id);
  return as(app, session).post(`/api/declarations/${id}/transitions`, { ...body, version });
}

/** A reason for every warning shown, as a preparer who keeps them would give. */
export const reasonsFor = (detail: DeclarationDetail): Record<string, string> =>
  Object.fromEntries(
    detail.findings.filter((entry) => entry.severity === 'warning').map((entry) => [entry.key, '本项目按上级要求暂不设置']),
  );
