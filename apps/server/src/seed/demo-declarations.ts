import type { DeclarationDetail, DeclaredIndicatorFields, Role, SaveDeclaration } from '@jixiao/contract';
import { compareDecimal, formatPoints, formatYuan, parseDecimal } from '@jixiao/core';
import { asc, eq } from 'drizzle-orm';
import type { Deps, RequestContext } from '../context.ts';
import { evaluations, indicatorLibrary, indicators } from '../db/schema.ts';
import { stepDeclaration } from '../targets/commands/step-declaration.ts';
import { createDeclaration, saveDeclaration } from '../targets/declaration.service.ts';
import { createProject, ensureFiscalYear } from './builders.ts';

/**
 * The demo's 绩效目标申报 (docs/targets.md): for the seeding clock's fiscal year Y the department's and its
 * key project's approved targets (frozen version 1), derived from the 2024 reference results — the same
 * indicators, targets no weaker than 2024's actuals — and for Y + 1 the declarations in progress: some
 * approved, one under department review, one returned by the finance bureau with an opinion per
 * indicator. Every step goes through the services, so the history, the audit log and the segregation
 * of duties are those a real year would leave: the unit drafts, the department reviews, finance approves.
 */
export interface DemoPeople {
  readonly departmentId: string;
  readonly smeCentreId: string;
  readonly users: ReadonlyMap<string, { id: string; displayName: string; role: Role; organisationId: string }>;
}

/** The fiscal year of an instant in China (UTC+8): the year a visitor on that day is working in. */
export const fiscalYearOf = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).getUTCFullYear();

const REASON = '依据上年度绩效自评结果设定，保留该指标并已核实';

/** A demo user acting through the services, as a signed-in request would. */
export function demoContext(people: DemoPeople, username: string): RequestContext {
  const user = people.users.get(username);
  if (!user) throw new Error(`demo user ${username} missing`);
  return {
    principal: {
      userId: user.id,
      username,
      displayName: user.displayName,
      organisationId: user.organisationId,
      roles: [{ role: user.role, organisationId: user.organisationId }],
      sessionId: 'demo-seed',
      csrfToken: '',
      mustChangePassword: false,
    },
    requestId: 'demo-seed',
    ip: '127.0.0.1',
  };
}

export async function seedDemoDeclarations(deps: Deps, people: DemoPeople): Promise<void> {
  const year = fiscalYearOf(deps.clock());
  // The years after the reference years the demo already holds, each with deadlines in the year after it.
  for (let next = 2026; next <= year + 1; next += 1) {
    await ensureFiscalYear(deps.db, next, { submit: `${next + 1}-06-20`, review: `${next + 1}-06-30`, finance: `${next + 1}-07-31` });
  }
  const as = (username: string) => demoContext(people, username);
  const library = await deps.db.select({ id: indicatorLibrary.id, name: indicatorLibrary.name }).from(indicatorLibrary);
  const libraryByName = new Map(library.map((entry) => [entry.name, entry.id]));
  const bind = (lines: DeclaredIndicatorFields[]) =>
    lines.map((line) => ({ ...line, libraryEntryId: libraryByName.get(line.name) ?? null }));
  const reference = await referenceResults(deps);

  const flow = new DeclarationFlow(deps, as);
  // Year Y: the targets the monitoring of the year reads.
  await flow.approved(await flow.department(people.departmentId, year), departmentForm(year, bind(reference.department)));
  const project = (spec: ProjectSpec, fiscalYear: number) => projectOf(deps, people.smeCentreId, spec, fiscalYear);
  await flow.approved(await flow.project(await project(TRAINING, year)), projectForm(year, TRAINING, bind(reference.project)));
  // Year Y + 1: the declarations in progress.
  await flow.approved(await flow.department(people.departmentId, year + 1), departmentForm(year + 1, bind(reference.department)));
  await flow.approved(await flow.project(await project(TRAINING, year + 1)), projectForm(year + 1, TRAINING, bind(reference.project)));
  const platformId = await flow.project(await project(PLATFORM, year + 1));
  await flow.save(platformId, projectForm(year + 1, PLATFORM, bind(PLATFORM_LINES)));
  await flow.submit(platformId);
  const specialisedId = await flow.project(await project(SPECIALISED, year + 1));
  await flow.save(specialisedId, projectForm(year + 1, SPECIALISED, bind(SPECIALISED_LINES)));
  await flow.submit(specialisedId);
  await flow.step(specialisedId, 'reviewer', { action: 'approve', comment: '同意报财政审核' });
  const lines = flow.lines(specialisedId);
  await flow.step(specialisedId, 'finance', {
    action: 'return',
    comment: '培育目标偏低、满意度缺少数据来源，请按逐项意见修改后重新提交',
    opinions: lines.map((line) => ({ indicatorId: line.id, ...(OPINIONS[line.name] ?? { verdict: 'pass' as const }) })),
  });
}

type Step = Parameters<typeof stepDeclaration>[3];

/** Each step by its own demo user: 单位填报人 drafts and submits, 部门审核人 reviews, 财政审核人 approves. */
class DeclarationFlow {
  private readonly deps: Deps;
  private readonly as: (username: string) => RequestContext;

  constructor(deps: Deps, as: (username: string) => RequestContext) {
    this.deps = deps;
    this.as = as;
  }

  /** The version each declaration is at, and what its last save answered: the flow reads nothing twice. */
  private readonly versions = new Map<string, number>();
  private readonly saved = new Map<string, DeclarationDetail>();
  private readonly preparerOf = new Map<string, string>();

  async project(projectId: string): Promise<string> {
    return this.opened(await createDeclaration(this.deps, this.as('unit.preparer'), { kind: 'project', projectId }));
  }

  async department(organisationId: string, fiscalYear: number): Promise<string> {
    return this.opened(await createDeclaration(this.deps, this.as('preparer'), { kind: 'department', organisationId, fiscalYear }));
  }

  private opened(row: { id: string; version: number }): string {
    this.versions.set(row.id, row.version);
    return row.id;
  }

  async save(id: string, form: Omit<SaveDeclaration, 'version'>): Promise<void> {
    const preparer = form.projectName ? 'unit.preparer' : 'preparer';
    this.preparerOf.set(id, preparer);
    const detail = await saveDeclaration(this.deps, this.as(preparer), id, { ...form, version: this.versions.get(id) ?? 1 });
    this.versions.set(id, detail.version);
    this.saved.set(id, detail);
  }

  /** The saved lines, with the ids the reviewers' opinions name. */
  lines(id: string): DeclarationDetail['indicators'] {
    return this.saved.get(id)?.indicators ?? [];
  }

  async submit(id: string): Promise<void> {
    const findings = this.saved.get(id)?.findings ?? [];
    const reasons = Object.fromEntries(findings.filter((entry) => entry.severity === 'warning').map((entry) => [entry.key, REASON]));
    await this.step(id, this.preparerOf.get(id) ?? 'unit.preparer', { action: 'submit', reasons });
  }

  async step(id: string, username: string, body: Omit<Step, 'version'>): Promise<void> {
    const result = await stepDeclaration(this.deps, this.as(username), id, { ...body, version: this.versions.get(id) ?? 1 } as Step);
    this.versions.set(id, result.version);
  }

  /** Drafted, submitted, approved by the department, approved (批复) by finance with a verdict per line. */
  async approved(id: string, form: Omit<SaveDeclaration, 'version'>): Promise<void> {
    await this.save(id, form);
    await this.submit(id);
    await this.step(id, 'reviewer', { action: 'approve', comment: '同意报财政审核' });
    await this.step(id, 'finance', {
      action: 'approve',
      comment: '同意批复',
      opinions: this.lines(id).map((line) => ({ indicatorId: line.id, verdict: 'pass' as const })),
    });
  }
}

interface ProjectSpec {
  /** The project code's number within the year: XM{year}-{serial}. */
  readonly serial: string;
  readonly category: string;
  readonly name: string;
  readonly fundsFen: number;
  readonly overallGoal: string;
  readonly annualGoal: string;
}

const TRAINING: ProjectSpec = {
  serial: '017',
  category: '培训',
  name: '中小企业数字化转型培训及服务券项目（示例）',
  fundsFen: 2_000_000_00,
  overallGoal: '持续开展中小企业数字化转型培训和上云服务券兑付，带动辖区中小企业数字化投入，提高参训企业满意度',
  annualGoal: '全年举办中小企业数字化转型培训班不少于12期、培训不少于1620人次，兑付上云服务券，参训企业满意度不低于90%',
};

const PLATFORM: ProjectSpec = {
  serial: '021',
  category: '信息化',
  name: '中小企业公共服务平台运营项目（示例）',
  fundsFen: 1_500_000_00,
  overallGoal: '运营区中小企业公共服务平台，为企业提供政策、融资、人才等一站式线上服务',
  annualGoal: '平台全年服务企业不少于3000家次，诉求按时办结率不低于95%',
};

const SPECIALISED: ProjectSpec = {
  serial: '025',
  category: '其他',
  name: '专精特新企业培育服务项目（示例）',
  fundsFen: 1_800_000_00,
  overallGoal: '建立专精特新企业梯度培育库，推动更多中小企业获评省、国家级专精特新企业',
  annualGoal: '新增入库培育企业不少于80家，推荐申报省级专精特新中小企业不少于30家',
};

function quantitative(
  level1: DeclaredIndicatorFields['level1'],
  level2: DeclaredIndicatorFields['level2'],
  name: string,
  direction: DeclaredIndicatorFields['direction'],
  target: string,
  unit: string,
  dataSource: string,
): DeclaredIndicatorFields {
  return { level1, level2, name, nature: 'quantitative', direction, target, unit, basis: 'plan', basisText: '年度工作计划', dataSource };
}

const PLATFORM_LINES: DeclaredIndicatorFields[] = [
  quantitative('output', 'quantity', '平台服务企业家次', '>=', '3000', '家次', '平台服务台账'),
  quantitative('output', 'quality', '企业诉求按时办结率', '>=', '95', '%', '平台工单系统'),
  quantitative('output', 'timeliness', '诉求响应时限', '<=', '2', '个工作日', '平台工单系统'),
  quantitative('output', 'cost', '平台年度运营成本', '<=', '150', '万元', '运营合同及支付凭证'),
  quantitative('effect', 'social', '平台促成融资对接企业数', '>=', '120', '家', '融资对接记录'),
  quantitative('satisfaction', 'beneficiary', '服务企业满意度', '>=', '90', '%', '第三方问卷调查'),
];

const SPECIALISED_LINES: DeclaredIndicatorFields[] = [
  quantitative('output', 'quantity', '新增入库培育企业数', '>=', '60', '家', '培育库名单'),
  quantitative('output', 'quantity', '推荐申报省级专精特新中小企业数', '>=', '30', '家', '推荐文件'),
  quantitative('output', 'quality', '入库企业资料审核合格率', '>=', '100', '%', '审核记录'),
  quantitative('output', 'timeliness', '培育服务完成时间', '<=', '12', '月', '服务台账'),
  quantitative('output', 'cost', '户均培育服务成本', '<=', '2', '万元', '支付凭证'),
  quantitative('effect', 'economic', '获评省级及以上专精特新企业数', '>=', '20', '家', '认定公示名单'),
  { ...quantitative('satisfaction', 'beneficiary', '培育企业满意度', '>=', '95', '%', '暂无'), dataSource: '暂无' },
];

/** The finance bureau's opinions on the returned declaration, by indicator name; the others pass. */
const OPINIONS: Readonly<Record<string, { verdict: 'pass' | 'pass-after-change' | 'fail'; text: string }>> = {
  新增入库培育企业数: { verdict: 'fail', text: '年度目标为不少于80家，指标值60家与之不符，请调整为不低于80家' },
  培育企业满意度: { verdict: 'pass-after-change', text: '请明确满意度的数据来源和调查方式' },
  户均培育服务成本: { verdict: 'pass-after-change', text: '请补充成本测算依据' },
};

function projectForm(year: number, spec: ProjectSpec, lines: DeclaredIndicatorFields[]): Omit<SaveDeclaration, 'version'> {
  return {
    projectName: spec.name,
    department: '广州市番禺区科技工业商务和信息化局',
    implementingUnit: '番禺区中小企业服务中心（示例）',
    attribute: 'continuing',
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    funds: { fiscal: formatYuan(spec.fundsFen), other: '0.00' },
    overallGoal: spec.overallGoal,
    annualGoals: [{ text: spec.annualGoal }],
    indicators: lines,
  };
}

function departmentForm(year: number, lines: DeclaredIndicatorFields[]): Omit<SaveDeclaration, 'version'> {
  return {
    department: '广州市番禺区科技工业商务和信息化局',
    implementingUnit: '广州市番禺区科技工业商务和信息化局',
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    funds: { fiscal: '35000000.00', other: '0.00' },
    overallGoal: '推动工业经济稳步提速，打造千亿级汽车制造产业集群，推进国际消费中心城市建设，强化外贸企业服务，深化重点科创平台建设',
    annualGoals: [
      { text: '推动重点工业投资项目加快建设，规上工业总产值不低于2684亿元' },
      { text: '推动消费市场稳进提质，社会消费品零售总额不低于1319亿元' },
      { text: '通过认定高新技术企业不少于594家' },
    ],
    indicators: lines,
  };
}

async function projectOf(deps: Deps, organisationId: string, spec: ProjectSpec, year: number): Promise<string> {
  const project = await createProject(deps.db, {
    organisationId,
    fiscalYear: year,
    code: `XM${year}-${spec.serial}`,
    name: spec.name,
    category: spec.category,
    budgetFen: spec.fundsFen,
  });
  return project.id;
}

/**
 * The 2024 evaluations' indicators as next year's lines: the same indicators, each target no weaker than
 * what 2024 reached (≥ / > take the larger of the 2024 target and actual, ≤ / < the smaller; = and 定性 keep
 * the 2024 target), and 2024's actual as 上年实际值.
 */
async function referenceResults(deps: Deps) {
  const rows = await deps.db
    .select({ kind: evaluations.kind, indicator: indicators })
    .from(indicators)
    .innerJoin(evaluations, eq(evaluations.id, indicators.evaluationId))
    .where(eq(evaluations.fiscalYear, 2024))
    .orderBy(asc(indicators.evaluationId), asc(indicators.position));
  const lines = (kind: 'department' | 'project') =>
    rows
      .filter((row) => row.kind === kind && row.indicator.level1 && row.indicator.level2)
      .map(({ indicator }): DeclaredIndicatorFields => {
        const qualitative = indicator.direction === 'qualitative';
        const base = {
          level1: indicator.level1 as DeclaredIndicatorFields['level1'],
          level2: indicator.level2 as DeclaredIndicatorFields['level2'],
          name: indicator.name,
          basis: 'history' as const,
          dataSource: '年度统计数据及佐证材料',
          weight: indicator.weight === null ? null : formatPoints(indicator.weight),
        };
        if (qualitative) {
          return {
            ...base,
            nature: 'qualitative',
            direction: 'qualitative',
            targetText: '形成年度成效评估报告',
            basisText: '2024年度绩效自评',
          };
        }
        const target = noWeaker(indicator.direction, indicator.target, indicator.actual);
        return {
          ...base,
          nature: 'quantitative',
          direction: indicator.direction as DeclaredIndicatorFields['direction'],
          target,
          unit: indicator.unit,
          lastYearActual: indicator.actual,
          basisText: indicator.actual === null ? '2024年度目标值' : `2024年实际完成 ${indicator.actual}${indicator.unit ?? ''}`,
        };
      });
  return { department: lines('department'), project: lines('project') };
}

function noWeaker(direction: string, target: string | null, actual: string | null): string | null {
  const t = target === null ? undefined : parseDecimal(target);
  const a = actual === null ? undefined : parseDecimal(actual);
  if (!t || !a || target === null || actual === null) return target;
  const order = compareDecimal(a, t);
  if (direction === '>=' || direction === '>') return order > 0 ? actual : target;
  if (direction === '<=' || direction === '<') return order < 0 ? actual : target;
  return target;
}
