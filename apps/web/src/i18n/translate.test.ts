import { AUDIT_ACTIONS } from '@jixiao/contract';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { placeholders, translate } from './translate.ts';
import { zh } from './zh.ts';

describe('dictionaries', () => {
  const keys = Object.keys(zh) as (keyof typeof zh)[];

  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s has text in both languages with the same placeholders', (key) => {
    expect(zh[key].trim()).not.toBe('');
    expect(en[key].trim()).not.toBe('');
    expect(placeholders(en[key])).toEqual(placeholders(zh[key]));
  });

  it('keep English free of Chinese characters except where quoted on purpose', () => {
    const chinese = keys.filter((key) => /[\u4e00-\u9fff]/.test(en[key]));
    expect(chinese).toEqual([]);
  });
});

describe('audit actions', () => {
  // The audit page shows each recorded action by its label; a raw English action name is a missing label.
  it.each(AUDIT_ACTIONS)('%s has a Chinese and an English label', (action) => {
    const key = `auditAction.${action}` as const;
    expect(zh[key]).toMatch(/[\u4e00-\u9fff]/);
    expect(en[key]?.trim()).toBeTruthy();
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'task.overdue', { days: 3 })).toBe('已逾期 3 天');
    expect(translate('en', 'task.overdue', { days: 3 })).toBe('3 days overdue');
    expect(translate('en', 'task.overdue')).toBe('{days} days overdue');
  });
});
