import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../scoring/scheme.ts';
import { checkDecision, DEFAULT_REDUCE_PERCENT, RESULT_TREATMENTS, reducedAmount, suggestApplication, treatmentRule } from './model.ts';
import { DECISION_CASES, SUGGESTION_CASES } from './results.cases.ts';

const gradeFloors = DEFAULT_OPTIONS.gradeFloors;

describe('the suggestion of an evaluation result', () => {
  it.each(SUGGESTION_CASES)('$name', ({ total, budgetFen, reducePercent, grade, treatment, suggestedFen }) => {
    const suggestion = suggestApplication({ total, budgetFen, source: 'self' }, { reducePercent, gradeFloors });
    expect(suggestion.grade).toBe(grade);
    expect(suggestion.treatment).toBe(treatment);
    expect(suggestion.suggestedFen).toBe(suggestedFen);
    expect(Number.isInteger(suggestion.suggestedFen)).toBe(true);
    expect(suggestion.explanation).toContain(`评价等级“${grade}”`);
  });

  it('names the score it rests on and cites the national texts', () => {
    const rereviewed = suggestApplication({ total: 7550, budgetFen: 200_000, source: 'rereview' }, { reducePercent: 10, gradeFloors });
    expect(rereviewed.explanation).toBe(
      '财政抽查复核得分 75.50 分，评价等级“中”；评价等级为中的项目，督促整改，下一年度预算按本年预算压减 10%（压减比例由本级财政设定）：本年预算 2,000.00 元，建议下一年度安排 1,800.00 元',
    );
    expect(rereviewed.basis).toContain('中发〔2018〕34号');
    expect(rereviewed.basis).toContain('财预〔2020〕10号');
  });

  it('follows the scheme’s grade floors where they are set otherwise', () => {
    const floors = { excellent: 85, good: 75, fair: 60 };
    expect(suggestApplication({ total: 8500, budgetFen: 1, source: 'self' }, { reducePercent: 10, gradeFloors: floors }).treatment).toBe(
      'prioritise',
    );
  });

  it('the default cut is 10 % and every treatment has its rule', () => {
    expect(DEFAULT_REDUCE_PERCENT).toBe(10);
    for (const treatment of RESULT_TREATMENTS) expect(treatmentRule(treatment, 10)).toMatch(/[\u4e00-\u9fff]/);
    expect(reducedAmount(333, 33)).toBe(223);
  });
});

describe('the bureau’s decision', () => {
  it.each(DECISION_CASES)('$name', ({ decision, decidedFen, treatment, reason, refused }) => {
    const issues = checkDecision({ suggestion: { suggestedFen: 900_000, treatment: 'reduce' }, decision, decidedFen, treatment, reason });
    expect(issues.map((issue) => issue.field)).toEqual(refused);
    for (const issue of issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
