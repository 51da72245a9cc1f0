import { holdsAny, type Permissions, type Role } from './roles.ts';

/** edit: change what the department's public pages show beyond the published reports (公开设置). */
export type PublicSettingsAction = 'edit';

/**
 * A department decides for itself what personal details its public pages carry (the preparer's phone):
 * its 部门审核人 or 部门负责人, who answer for its publication, and administrators. The finance bureau
 * publishes the reports but does not choose this for the department; a unit does not choose for its
 * department.
 */
export const publicSettingsPolicy = {
  posts: {
    edit: ['department-reviewer', 'department-head', 'admin'],
  } satisfies Readonly<Record<PublicSettingsAction, readonly Role[]>>,
} as const;

/** `posts`: the roles held over the department; `isAdmin`: an administrator anywhere. */
export function publicSettingsPermissions(posts: readonly Role[], isAdmin: boolean): Permissions<PublicSettingsAction> {
  const held: Role[] = isAdmin ? [...posts, 'admin'] : [...posts];
  return { edit: holdsAny(held, publicSettingsPolicy.posts.edit) };
}
