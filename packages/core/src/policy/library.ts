import { holdsAny, type Permissions, type Role } from './roles.ts';

/** create / edit (including 停用 and 启用): maintaining the indicator library (指标库). */
export type LibraryAction = 'create' | 'edit';

/**
 * The library is the finance bureau's: its reviewers (财政审核人) keep the common indicators the
 * declarations are reviewed against, and administrators may too. Everyone signed in reads it.
 */
export const libraryPolicy = {
  posts: {
    create: ['finance-reviewer', 'admin'],
    edit: ['finance-reviewer', 'admin'],
  } satisfies Readonly<Record<LibraryAction, readonly Role[]>>,
} as const;

/** `bureauPosts`: the roles held over a finance bureau (a finance-reviewer elsewhere does not count); `admin`: anywhere. */
export function libraryPermissions(bureauPosts: readonly Role[], isAdmin: boolean): Permissions<LibraryAction> {
  const held: Role[] = isAdmin ? [...bureauPosts, 'admin'] : [...bureauPosts];
  return { create: holdsAny(held, libraryPolicy.posts.create), edit: holdsAny(held, libraryPolicy.posts.edit) };
}
