import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../numbers/decimal.ts';
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

  it('is quiet about a dimension once it is declared', () => {
    const codes = checkDeclaration(
      declaration([
        line({}),
        line({ id: 'i2', level2: 'quality', name: '验收合格率' }),
        line({ id: 'i3', level2: 'timeliness', name: '按期完工率' }),
        line({ id: 'i4', level2: 'cost', name: '单桩建设成本', direction: '<=' }),
        line({ id: 'i5', level1: 'satisfaction', level2: 'beneficiary', name: '用户满意度' }),
      ]),
    ).map((finding) => finding.code);
    expect(codes).not.toContain('MISSING_QUALITY_INDICATOR');
    expect(codes).not.toContain('MISSING_SATISFACTION_INDICATOR');
  });
});
