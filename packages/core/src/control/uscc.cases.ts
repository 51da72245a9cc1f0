import type { RuleCase } from './rule-case.ts';
import { checkUscc } from './uscc.ts';

export const USCC_CASES: readonly RuleCase[] = [
  {
    name: 'a valid code, lower case and spaced',
    run: () => checkUscc('supplierUscc', '供应商', ' 91350100m000100y43 ').violations,
    codes: [],
  },
  {
    name: 'a wrong check character, naming the party',
    run: () => checkUscc('supplierUscc', '供应商', '91350100M000100Y44').violations,
    codes: ['IC_USCC_INVALID'],
    message: '供应商的统一社会信用代码校验位不正确',
  },
  { name: 'seventeen characters', run: () => checkUscc('uscc', '补贴对象', '91350100M000100Y4').violations, codes: ['IC_USCC_INVALID'] },
];
