import type { Role } from '@jixiao/contract';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { ancestorIds, descendantIds } from '../organisations/organisation.repository.ts';

/**
 * Roles are held over an organisation and reach everything below it. These helpers answer the two
 * questions every policy asks: which roles does the principal hold over this organisation, and
 * which organisations can the principal see.
 */
export async function rolesOver(db: Queryable, principal: Principal, organisationId: string): Promise<Role[]> {
  const chain = new Set(await ancestorIds(db, organisationId));
  return principal.roles.filter((grant) => chain.has(grant.organisationId)).map((grant) => grant.role);
}

/** Organisations whose evaluations the principal may read; `all` for administrators. */
export async function visibleOrganisations(db: Queryable, principal: Principal): Promise<string[] | 'all'> {
  if (principal.roles.some((grant) => grant.role === 'admin')) return 'all';
  return descendantIds(
    db,
    principal.roles.map((grant) => grant.organisationId),
  );
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.some((grant) => grant.role === role);
}

/**
 * The principal holds no role over the organisation and is no administrator: its records must be
 * answered as missing (404, "…不存在或无权访问"), for writes exactly as for reads, so that a refusal
 * never confirms they exist. 403 is kept for records one can see but whose step one's role may not take.
 */
export function isOutOfScope(principal: Principal, rolesHeld: readonly Role[]): boolean {
  return rolesHeld.length === 0 && !hasRole(principal, 'admin');
}

/** The roots of what a principal sees (roles reach down the tree), or `all` for administrators. */
export type Scope = 'all' | readonly string[];

export function scopeOf(principal: Principal): Scope {
  if (principal.roles.some((grant) => grant.role === 'admin')) return 'all';
  return [...new Set(principal.roles.map((grant) => grant.organisationId))];
}

/**
 * `column` belongs to an organisation inside the scope: the tree walk runs inside the caller's
 * query, so a scoped list costs one round trip, not two.
 */
export function inScope(column: AnyColumn | SQL, scope: Scope): SQL | undefined {
  if (scope === 'all') return undefined;
  if (scope.length === 0) return sql`false`;
  return sql`${column} in (with recursive tree(id) as (
      select id from organisations where id in (${sql.join(
        scope.map((root) => sql`${root}::uuid`),
        sql`, `,
      )})
      union select o.id from organisations o join tree t on o.parent_id = t.id)
    select id from tree)`;
}
