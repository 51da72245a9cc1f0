import { checkExAnteForBudgetLine } from './ex-ante.ts';
import type { RuleCase } from './rule-case.ts';

export const EX_ANTE_CASES: readonly RuleCase[] = [
  {
    name: 'a project assessed 不予支持 gets no budget line',
    run: () => checkExAnteForBudgetLine({ name: '智慧停车平台', conclusion: 'reject' }),
    codes: ['IC_EX_ANTE_NOT_SUPPORTED'],
    message: '项目“智慧停车平台”事前绩效评估结论为“不予支持”，不能安排预算指标',
  },
  { name: '调整后支持 may be budgeted', run: () => checkExAnteForBudgetLine({ name: '智慧停车平台', conclusion: 'adjust' }), codes: [] },
  { name: '予以支持 may be budgeted', run: () => checkExAnteForBudgetLine({ name: '智慧停车平台', conclusion: 'support' }), codes: [] },
  { name: 'no concluded assessment does not block', run: () => checkExAnteForBudgetLine({ name: '智慧停车平台' }), codes: [] },
];
