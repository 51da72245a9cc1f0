import { ROLES } from '@jixiao/contract';
import { describe, expect, it } from 'vitest';

/**
 * Who may do what is decided by the server's policies (@jixiao/core policy) and arrives as
 * `permissions` on records, the unit's access and the session's pages. A role name written in the
 * app's code would be a second list that drifts from the server's; this test finds any.
 */

// Every source of the app as text (Vite reads them; the web project has no Node types), keyed `../path`.
const SOURCES: Readonly<Record<string, string>> = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.ts', '!../i18n/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
// 'admin' also names the administration page (a page key, not a decision), so it is left out here.
const ROLE_NAMES = ROLES.filter((role) => role !== 'admin');
const ROLE_LITERAL = new RegExp(`(['"\`])(${ROLE_NAMES.join('|')})\\1`, 'g');
/** Helpers that decide from roles in the browser; none may come back. */
const ROLE_DECISIONS = /\b(holdsAny|postsOver|roles\.includes|\.role\s*===)/g;

/** Where a role name is data, not a decision. */
const ALLOWED: Readonly<Record<string, string>> = {
  // The administrator's role picker: a new row starts as 单位填报人; the choices are the contract's ROLES.
  'features/admin/UserForm.tsx': 'role picker',
};

/** Every role literal or role decision in the given sources, as `file: text`. */
export function roleDecisions(files: readonly { path: string; text: string }[]): string[] {
  return files.flatMap(({ path, text }) => {
    if (ALLOWED[path]) return [];
    return [...text.matchAll(ROLE_LITERAL), ...text.matchAll(ROLE_DECISIONS)].map((match) => `${path}: ${match[0]}`);
  });
}

describe('no role lists in the web app', () => {
  it('finds role names and role checks where they would decide', () => {
    expect(
      roleDecisions([
        { path: 'a.tsx', text: "holdsAny(posts, ['approver'])" },
        { path: 'b.tsx', text: 'roles.includes("auditor")' },
        { path: 'c.tsx', text: "grant.role === 'preparer'" },
        { path: 'features/admin/UserForm.tsx', text: "add({ role: 'preparer' })" },
        { path: 'd.tsx', text: "t('role.requester')" },
      ]),
    ).toEqual([
      "a.tsx: 'approver'",
      'a.tsx: holdsAny',
      'b.tsx: "auditor"',
      'b.tsx: roles.includes',
      "c.tsx: 'preparer'",
      'c.tsx: .role ===',
    ]);
  });

  it('apps/web/src decides nothing from roles (the server sends permissions)', () => {
    const files = Object.entries(SOURCES).map(([path, text]) => ({ path: path.replace(/^\.\.\//, ''), text }));
    expect(files.length).toBeGreaterThan(50);
    expect(roleDecisions(files)).toEqual([]);
  });
});
