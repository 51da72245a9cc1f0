import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS, isCommonPassword } from '../src/auth/common-passwords.ts';
import { passwordProblems } from '../src/auth/password.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';

describe('common passwords', () => {
  it('ships a list of thousands, compared without regard to case', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(5000);
    expect(COMMON_PASSWORDS.has('password123!')).toBe(true);
    expect(isCommonPassword('PASSWORD123!')).toBe(true);
  });

  it.each([
    'Password123!',
    DEMO_PASSWORD,
    'Jixiao#Admin2026',
    'Qwerty123!',
    '1qaz@WSX3edc',
    'Qazwsx!2345',
    'P@ssw0rd2025',
    'Admin@123456',
    'Woaini1314!!',
    'Zhangwei1990!',
    'PasswordPassword1!',
    '!@#$%^&*1234',
  ])('refuses %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['Budget#Goals2025', 'Sunny-Harbour-71', 'Jx-abcDEF2345Ab3', '绩效自评Report-9'])('accepts %s', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });

  it('names every rule a password breaks, in Chinese', () => {
    expect(passwordProblems('Wangfang2024!', { username: 'wangfang', displayName: '王芳' })).toEqual([
      '密码不能包含用户名',
      '密码过于常见：它在常用密码表中，或只是常见单词加数字和符号，容易被猜中',
    ]);
    expect(passwordProblems('王芳的Harbour#2025', { username: 'wf', displayName: '王芳' })).toEqual(['密码不能包含姓名']);
  });
});
