import { describe, expect, it } from 'vitest';
import { libraryPermissions } from './library.ts';
import type { Role } from './roles.ts';

describe('library policy', () => {
  it.each<[Role[], boolean, boolean]>([
    [['finance-reviewer'], false, true],
    [[], true, true],
    [['preparer', 'department-reviewer'], false, false],
    [['auditor'], false, false],
    [[], false, false],
  ])('posts over the bureau %j, admin %s: may maintain %s', (posts, admin, may) => {
    expect(libraryPermissions(posts, admin)).toEqual({ create: may, edit: may });
  });
});
