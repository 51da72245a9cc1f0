import { checkDisposalDecider } from './asset.ts';
import type { RuleCase } from './rule-case.ts';

export const ASSET_CASES: readonly RuleCase[] = [
  {
    name: 'the requester cannot decide their own disposal',
    run: () => checkDisposalDecider('amy', 'amy'),
    codes: ['IC_DISPOSAL_APPROVAL'],
    message: '资产处置由你申请，不能由你审批',
  },
  { name: 'someone else may decide it', run: () => checkDisposalDecider('amy', 'bob'), codes: [] },
];
