/**
 * The roles a user may hold over an organisation (roles reach down the organisation tree). The
 * evaluation roles review 绩效自评; the internal-control posts (岗位) each take one step of a payment,
 * so that incompatible duties sit with different people (不相容岗位相互分离, 财会〔2012〕21号).
 */
export const ROLES = [
  'preparer',
  'department-reviewer',
  'department-head',
  'finance-reviewer',
  'admin',
  'auditor',
  'requester',
  'accountant',
  'approver',
  'cashier',
  'asset-manager',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: the user, and the roles they hold over the record's organisation. */
export interface Actor {
  readonly userId: string;
  readonly posts: readonly Role[];
}

export const holdsAny = (posts: readonly Role[], wanted: readonly Role[]): boolean => wanted.some((role) => posts.includes(role));

/** Each action of an entity, by the posts that may take it: the only list of who may do what. */
export type Posts<A extends string> = Readonly<Record<A, readonly Role[]>>;

/** What the signed-in user may do with one record or in one unit, for responses (`permissions`). */
export type Permissions<A extends string> = Record<A, boolean>;

/** Permissions for actions that depend on the posts alone. */
export function permissionsOf<A extends string>(posts: Posts<A>, held: readonly Role[]): Permissions<A> {
  return Object.fromEntries(
    Object.entries<readonly Role[]>(posts).map(([action, wanted]) => [action, holdsAny(held, wanted)]),
  ) as Permissions<A>;
}
