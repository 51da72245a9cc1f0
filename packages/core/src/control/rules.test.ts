import { describe, expect, it } from 'vitest';
import { ADJUSTMENT_CASES } from './adjustment.cases.ts';
import { ASSET_CASES } from './asset.cases.ts';
import { BALANCE_CASES } from './balance.cases.ts';
import { CONTROL_RULES, type ControlRuleCode } from './config.ts';
import { CONTRACT_CASES } from './contract.cases.ts';
import { EX_ANTE_CASES } from './ex-ante.cases.ts';
import { IMPORT_CASES } from './import.cases.ts';
import { PAYMENT_CASES } from './payment.cases.ts';
import { isSameParty, normalisePayeeName } from './payment-rules.ts';
import { PROCUREMENT_CASES } from './procurement.cases.ts';
import type { RuleCase } from './rule-case.ts';
import { SUBSIDY_CASES } from './subsidy.cases.ts';
import { USCC_CASES } from './uscc.cases.ts';

const TABLES: Readonly<Record<string, readonly RuleCase[]>> = {
  balance: BALANCE_CASES,
  payment: PAYMENT_CASES,
  procurement: PROCUREMENT_CASES,
  contract: CONTRACT_CASES,
  subsidy: SUBSIDY_CASES,
  adjustment: ADJUSTMENT_CASES,
  asset: ASSET_CASES,
  import: IMPORT_CASES,
  uscc: USCC_CASES,
  exAnte: EX_ANTE_CASES,
};

for (const [area, cases] of Object.entries(TABLES)) {
  describe(`${area} rules`, () => {
    it.each(cases)('$name', ({ run, codes, message }) => {
      const violations = run();
      expect(violations.map((violation) => violation.code)).toEqual(codes);
      if (message !== undefined) expect(violations[0]?.message).toBe(message);
    });
  });
}

describe('every rule code', () => {
  it('is produced by some rule table, segregation of duties apart (segregation.ts has its own)', () => {
    const produced = new Set(Object.values(TABLES).flatMap((cases) => cases.flatMap((entry) => entry.codes)));
    const missing = (Object.keys(CONTROL_RULES) as ControlRuleCode[]).filter((code) => !code.startsWith('IC_SOD_') && !produced.has(code));
    expect(missing).toEqual([]);
  });
});

describe('the payee normaliser', () => {
  it('ignores width, spaces, brackets and case, and nothing else', () => {
    expect(normalisePayeeName(' 广州ＡＢＣ（科技） 有限公司')).toBe(normalisePayeeName('广州abc(科技)有限公司'));
    expect(normalisePayeeName('广州某科技有限公司')).not.toBe(normalisePayeeName('广州某科技有限责任公司'));
  });

  it('compares codes only when the payee gives one', () => {
    const party = { name: '某公司', uscc: '91350100M000100Y43' };
    expect(isSameParty({ name: '某公司' }, party)).toBe(true);
    expect(isSameParty({ name: '某公司', uscc: ' 91350100m000100y43' }, party)).toBe(true);
    expect(isSameParty({ name: '某公司', uscc: '91110000100006485K' }, party)).toBe(false);
  });
});
