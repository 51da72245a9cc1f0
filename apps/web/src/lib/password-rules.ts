/**
 * The password rules the server enforces (apps/server auth/password.ts), checked as the user types
 * so the list can tick off what is met. The server stays the judge (it also refuses common passwords).
 */
export type PasswordRule = 'length' | 'kinds' | 'username';

export interface PasswordCheck {
  readonly rule: PasswordRule;
  readonly ok: boolean;
}

const MIN_PASSWORD_LENGTH = 10;

function characterKinds(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
}

export function checkPassword(password: string, username: string): PasswordCheck[] {
  return [
    { rule: 'length', ok: password.length >= MIN_PASSWORD_LENGTH },
    { rule: 'kinds', ok: characterKinds(password) >= 3 },
    { rule: 'username', ok: password.length > 0 && (username === '' || !password.toLowerCase().includes(username.toLowerCase())) },
  ];
}
