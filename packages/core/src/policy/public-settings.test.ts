import { describe, expect, it } from 'vitest';
import { publicSettingsPermissions } from './public-settings.ts';
import type { Role } from './roles.ts';

describe('public settings policy', () => {
  it.each<[Role[], boolean, boolean]>([
    [['department-reviewer'], false, true],
    [['department-head'], false, true],
    [[], true, true],
    [['preparer'], false, false],
    [['finance-reviewer'], false, false],
    [['auditor'], false, false],
    [[], false, false],
  ])('posts over the department %j, admin %s: may change %s', (posts, admin, may) => {
    expect(publicSettingsPermissions(posts, admin)).toEqual({ edit: may });
  });
});
