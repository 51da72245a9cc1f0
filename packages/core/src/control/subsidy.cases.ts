import type { RuleCase } from './rule-case.ts';
import { checkGrantPayee } from './subsidy.ts';

const recipient = { name: '某某农业合作社(广州)', uscc: '93440101MA5ABCDE1X' };

export const SUBSIDY_CASES: readonly RuleCase[] = [
  { name: 'the recipient itself', run: () => checkGrantPayee({ name: '某某农业合作社(广州)' }, recipient), codes: [] },
  {
    name: 'the recipient in full-width brackets, with spaces',
    run: () => checkGrantPayee({ name: ' 某某农业合作社（广州） ' }, recipient),
    codes: [],
  },
  {
    name: 'the recipient with its code in lower case',
    run: () => checkGrantPayee({ name: '某某农业合作社(广州)', uscc: '93440101ma5abcde1x' }, recipient),
    codes: [],
  },
  {
    name: 'another payee',
    run: () => checkGrantPayee({ name: '另一家合作社' }, recipient),
    codes: ['IC_PAYEE_NOT_COUNTERPARTY'],
    message: '收款人“另一家合作社”不是补贴对象“某某农业合作社(广州)”',
  },
  {
    name: 'the recipient by name with another code',
    run: () => checkGrantPayee({ name: '某某农业合作社(广州)', uscc: '91110000100006485K' }, recipient),
    codes: ['IC_PAYEE_NOT_COUNTERPARTY'],
  },
];
