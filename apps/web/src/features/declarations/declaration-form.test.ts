import type { DeclarationDetail, DeclarationFinding } from '@jixiao/contract';
import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  linesWithoutVerdict,
  newLine,
  opinionsToSend,
  reasonsToSend,
  warningsWithoutReason,
  withNature,
} from './declaration-form.ts';

const finding = (key: string, severity: 'warning' | 'error', reason: string | null = null): DeclarationFinding => ({
  code: 'MISSING_QUALITY_INDICATOR',
  severity,
  blocking: false,
  message: key,
  messageEn: key,
  subject: { kind: 'level', id: 'quality' },
  key,
  reason,
});

const line = {
  id: '6f1c2f7e-6d0a-4c55-9a55-1f6d2d8e0a02',
  position: 1,
  goalId: null,
  level1: 'output',
  level2: 'quantity',
  name: '服务企业数量',
  nature: 'quantitative',
  direction: '>=',
  target: '300',
  targetText: null,
  unit: '家',
  basis: 'history',
  basisText: null,
  dataSource: null,
  method: null,
  evidence: null,
  lastYearActual: '286',
  core: true,
  scoringRule: null,
  weight: '20.00',
  libraryEntryId: null,
  opinions: [{ stage: 'department', verdict: null, verdictLabel: null, text: '请量化', actorName: '审核人', at: '2026-01-01T00:00:00Z' }],
} as const;

describe('the declaration editor', () => {
  it('starts from the server’s answer, keeping line ids and leaving the opinions out', () => {
    const body = bodyOf({
      version: 3,
      projectName: '项目',
      projectCode: 'P1',
      department: '部门',
      implementingUnit: '单位',
      attribute: 'new',
      periodStart: null,
      periodEnd: null,
      funds: { total: '3.00', fiscal: '1.00', other: '2.00' },
      overallGoal: '总体',
      annualGoals: [],
      indicators: [line],
    } as unknown as DeclarationDetail);
    expect(body.version).toBe(3);
    expect(body.funds).toEqual({ fiscal: '1.00', other: '2.00' });
    expect(body.indicators[0]).toMatchObject({ id: line.id, name: '服务企业数量', weight: '20.00' });
    expect(body.indicators[0]).not.toHaveProperty('opinions');
  });

  it('moves the direction with the 指标性质', () => {
    const quantitative = newLine('output', 'quality', 'quantitative');
    expect(quantitative.direction).toBe('>=');
    expect(withNature(quantitative, 'qualitative').direction).toBe('qualitative');
    expect(withNature(withNature(quantitative, 'qualitative'), 'quantitative').direction).toBe('>=');
  });

  it('asks a reason for each warning, keeping the reasons given at the last submission', () => {
    const findings = [finding('a', 'warning'), finding('b', 'warning', '上次的理由'), finding('c', 'error')];
    expect(warningsWithoutReason(findings, {}).map((entry) => entry.key)).toEqual(['a']);
    expect(reasonsToSend(findings, { a: ' 新理由 ', c: '不送' })).toEqual({ a: '新理由', b: '上次的理由' });
  });

  it('sends only the opinions given, and names the lines finance has not judged', () => {
    expect(opinionsToSend({ x: { verdict: 'pass' }, y: { text: '  ' }, z: { text: ' 请改 ' } })).toEqual([
      { indicatorId: 'x', verdict: 'pass', text: null },
      { indicatorId: 'z', verdict: null, text: '请改' },
    ]);
    expect(linesWithoutVerdict({ indicators: [line] } as unknown as DeclarationDetail, {})).toEqual(['服务企业数量']);
  });
});
