import { describe, expect, it } from 'vitest';
import { sanitizeDecimal } from './decimal-input.ts';
import { checkEvidenceFile } from './evidence-files.ts';
import { formatCountdown, hasSurelyEnded, sessionEndsAt, warnBeforeMs } from './idle.ts';
import { checkPassword } from './password-rules.ts';
import { pointsAtMost, sumPoints } from './points.ts';
import { safeReturnPath } from './return-path.ts';

describe('sumPoints', () => {
  it('adds shared weights exactly', () => {
    expect(sumPoints([...Array<string>(10).fill('2.31'), '2.30', '2.30', '2.30'])).toBe('30.00');
    expect(sumPoints(['0.1', '0.2'])).toBe('0.30');
    expect(sumPoints([null, undefined, 'x', '5'])).toBe('5.00');
  });

  it('compares points', () => {
    expect(pointsAtMost('4.99', '5')).toBe(true);
    expect(pointsAtMost('5.01', '5')).toBe(false);
    expect(pointsAtMost('x', '5')).toBe(false);
  });
});

describe('sanitizeDecimal', () => {
  it.each([
    ['23.39', '23.39'],
    ['-4.53', '-4.53'],
    ['１２．５', '12.5'],
    ['1.2.3', '1.23'],
    ['95%', '95'],
    ['abc', ''],
    ['+7', '+7'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeDecimal(input)).toBe(expected);
  });
});

describe('checkPassword', () => {
  const failed = (password: string, username = 'preparer') =>
    checkPassword(password, username)
      .filter((check) => !check.ok)
      .map((check) => check.rule);
  it.each([
    ['Jixiao@2025demo', []],
    ['short1A!', ['length']],
    ['alllowercase1', ['kinds']],
    ['Preparer2025!x', ['username']],
  ])('%s fails %j', (password, rules) => {
    expect(failed(password)).toEqual(rules);
  });
});

describe('checkEvidenceFile', () => {
  it('accepts the server’s types within the size limit', () => {
    expect(checkEvidenceFile('验收报告.PDF', 1024)).toBeNull();
    expect(checkEvidenceFile('run.exe', 1024)).toEqual({ kind: 'type', extension: 'exe' });
    expect(checkEvidenceFile('noextension', 1024)).toEqual({ kind: 'type', extension: '' });
    expect(checkEvidenceFile('big.zip', 21 * 1024 * 1024)).toEqual({ kind: 'size', megabytes: '21.0' });
    expect(checkEvidenceFile('empty.txt', 0)).toEqual({ kind: 'empty' });
  });
});

describe('idle timing', () => {
  it('warns three minutes ahead (the server may end it a minute early) and checks only once it has surely ended', () => {
    expect(sessionEndsAt(1_000_000, 30)).toBe(1_000_000 + 30 * 60_000);
    expect(warnBeforeMs(30)).toBe(3 * 60_000);
    expect(warnBeforeMs(3)).toBe(90_000);
    expect(hasSurelyEnded(0)).toBe(false);
    expect(hasSurelyEnded(-5_000)).toBe(true);
    expect(formatCountdown(125_000)).toBe('2:05');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});

describe('safeReturnPath', () => {
  it.each([
    [{ from: '/evaluations/1?tab=score' }, '/evaluations/1?tab=score'],
    [{ from: '//evil.example/' }, '/'],
    [{ from: 'https://evil.example/' }, '/'],
    [{ from: '/login' }, '/'],
    [null, '/'],
    ['x', '/'],
  ])('%j → %s', (state, expected) => {
    expect(safeReturnPath(state)).toBe(expected);
  });
});
