import { describe, expect, it } from 'vitest';
import { FINDINGS } from '../checks/findings.ts';
import { parseDecimal } from '../numbers/decimal.ts';
import { DECLARATION_CASES } from './checks.cases.ts';
import { checkDeclaration } from './checks.ts';
import type { Declaration, DeclaredIndicator } from './model.ts';

const line = (over: Partial<DeclaredIndicator>): DeclaredIndicator => ({
  id: 'i1',
  level1: 'output',
  level2: 'quantity',
  name: '新增充电桩',
  nature: 'quantitative',
  direction: '>=',
  target: parseDecimal('150'),
  unit: '个',
  core: false,
  ...over,
});

const declaration = (indicators: DeclaredIndicator[]): Declaration => ({
  kind: 'project',
  fiscalYear: 2025,
  department: '区科技工业商务和信息化局',
  implementingUnit: '区科技工业商务和信息化局',
  funds: { total: 100_000_00, fiscal: 100_000_00, other: 0 },
  overallGoal: '推进充电基础设施建设',
  annualGoals: [{ id: 'g1', text: '新增充电桩150个' }],
  indicators,
});

/** The four dimensions, so that a case sees only the findings of its own line. */
const COMPLETE: DeclaredIndicator[] = [
  line({ id: 'c1', level2: 'quality', name: '验收合格率', unit: '%', target: parseDecimal('100') }),
  line({ id: 'c2', level2: 'timeliness', name: '按期完工率', unit: '%', target: parseDecimal('100') }),
  line({ id: 'c3', level2: 'cost', name: '单桩建设成本', direction: '<=', unit: '万元', target: parseDecimal('2.5') }),
  line({
    id: 'c4',
    level1: 'satisfaction',
    level2: 'beneficiary',
    name: '用户满意度',
    unit: '%',
    target: parseDecimal('90'),
    dataSource: '问卷调查',
  }),
];

describe('checkDeclaration', () => {
  it('flags the dimensions the reference report found missing', () => {
    const codes = checkDeclaration(declaration([line({})])).map((finding) => finding.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'MISSING_QUALITY_INDICATOR',
        'MISSING_TIMELINESS_INDICATOR',
        'MISSING_COST_INDICATOR',
        'MISSING_SATISFACTION_INDICATOR',
      ]),
    );
  });

  it('is quiet about a complete, well-formed set', () => {
    expect(checkDeclaration(declaration([line({}), ...COMPLETE]))).toEqual([]);
  });

  for (const example of DECLARATION_CASES) {
    it(example.name, () => {
      const findings = checkDeclaration(declaration([line({ id: 'x', ...example.line }), ...COMPLETE]), example.context);
      expect(findings.map((finding) => finding.code)).toEqual(example.codes);
      for (const finding of findings) expect(finding.subject).toMatchObject({ kind: 'indicator', id: 'x' });
      if (example.message) expect(findings[0]?.message).toBe(example.message);
    });
  }

  describe('DECLARATION_EX_ANTE_MISSING', () => {
    const big = (over: Partial<Declaration>): Declaration => ({
      ...declaration([line({}), ...COMPLETE]),
      projectName: '智慧停车平台建设项目',
      attribute: 'new',
      funds: { total: 5_000_000_00, fiscal: 4_000_000_00, other: 1_000_000_00 },
      ...over,
    });
    const rule = (conclusion?: 'support' | 'adjust' | 'reject') => ({ exAnte: { requiredFromFen: 5_000_000_00, conclusion } });
    const codes = (value: Declaration, context: Parameters<typeof checkDeclaration>[1]) =>
      checkDeclaration(value, context).map((entry) => entry.code);

    it('names the project, the amount and the threshold when a 新增 project at the amount has no assessment', () => {
      const [found] = checkDeclaration(big({}), rule());
      expect(found).toMatchObject({
        code: 'DECLARATION_EX_ANTE_MISSING',
        severity: 'error',
        subject: { kind: 'budget', field: 'attribute' },
      });
      expect(found?.message).toBe(
        '新增项目“智慧停车平台建设项目”资金总额 500.00 万元，达到事前绩效评估金额标准 500.00 万元，尚无已形成结论的事前绩效评估；须经事前绩效评估且结论为“予以支持”或“调整后支持”后才能提交（事前绩效评估结果作为申请预算的必备要件，中发〔2018〕34号）',
      );
    });

    it('says 不予支持 is not support', () => {
      expect(checkDeclaration(big({}), rule('reject'))[0]?.message).toContain('结论为“不予支持”');
    });

    it.each([
      ['予以支持', big({}), rule('support')],
      ['调整后支持', big({}), rule('adjust')],
      ['one fen below the amount', big({ funds: { total: 4_999_999_99, fiscal: 4_999_999_99, other: 0 } }), rule()],
      ['a 延续 project', big({ attribute: 'continuing' }), rule()],
      ['no attribute yet', big({ attribute: undefined }), rule()],
      ['a 部门整体 declaration', big({ kind: 'department' }), rule()],
      ['no rule given', big({}), {}],
    ])('is quiet for %s', (_name, value, context) => {
      expect(codes(value, context)).toEqual([]);
    });

    it('takes the configured amount and gives it exactly in 万元', () => {
      const [found] = checkDeclaration(big({ funds: { total: 1_234_567_89, fiscal: 1_234_567_89, other: 0 } }), {
        exAnte: { requiredFromFen: 1_000_000_01 },
      });
      expect(found?.message).toContain('资金总额 123.456789 万元，达到事前绩效评估金额标准 100.000001 万元');
    });
  });

  it('has a case raising every declaration code', () => {
    // The 事前绩效评估 rule is about the declaration, not a line: its cases are above.
    const raised = new Set<string>([...DECLARATION_CASES.flatMap((example) => example.codes), 'DECLARATION_EX_ANTE_MISSING']);
    const declarationCodes = Object.keys(FINDINGS).filter((code) => code.startsWith('DECLARATION_'));
    expect(declarationCodes.filter((code) => !raised.has(code as never))).toEqual([]);
  });

  it('marks the field each finding is about, so the form can point at it', () => {
    const [vague] = checkDeclaration(
      declaration([
        line({ targetText: '明显改善', target: undefined, nature: 'qualitative', direction: 'qualitative', unit: undefined }),
        ...COMPLETE,
      ]),
    );
    expect(vague?.subject.field).toBe('target');
  });

  it('blocks submission only with errors (severity), never marks a declaration finding as blocking a total', () => {
    const findings = checkDeclaration(declaration([line({ level2: 'cost', name: '单桩建设成本', unit: '万元' }), ...COMPLETE]));
    expect(findings.map((finding) => [finding.code, finding.severity, finding.blocking])).toEqual([
      ['DECLARATION_COST_AT_LEAST', 'error', false],
    ]);
  });
});
