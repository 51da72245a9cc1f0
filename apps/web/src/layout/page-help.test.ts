import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zh } from '../i18n/zh.ts';
import { guideOf } from './PageHelp.tsx';

describe('guideOf', () => {
  it.each([
    ['/evaluations', 'evaluations'],
    ['/evaluations/0b7c0f8e-0000-4000-8000-000000000000', 'evaluation'],
    ['/control/payments', 'payments'],
    ['/control/paymentsx', null],
    ['/audit', 'audit'],
    ['/account/password', null],
  ] as const)('%s → %s', (path, guide) => {
    expect(guideOf(path)).toBe(guide);
  });

  it('every guide has its title, text and rules in both languages, the English without Chinese', () => {
    const guides = [
      'evaluation',
      'evaluations',
      'reviews',
      'declarations',
      'ledger',
      'payments',
      'procurements',
      'contracts',
      'assets',
      'subsidies',
      'audit',
      'overview',
      'results',
    ];
    for (const guide of guides)
      for (const part of ['title', 'body', 'rules']) {
        const key = `help.${guide}.${part}` as keyof typeof zh;
        expect(zh[key], key).toMatch(/[\u4e00-\u9fff]/);
        expect(en[key], key).not.toMatch(/[\u4e00-\u9fff]/);
      }
  });
});
