import type { Role } from '@jixiao/contract';
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
