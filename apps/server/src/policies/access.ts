import type { SessionAccess } from '@jixiao/contract';
import { policy } from '@jixiao/core';
import type { Principal } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { ancestorsOf } from '../organisations/organisation.repository.ts';

/** The roles of a principal, each once, wherever held. */
export const rolesOf = (principal: Principal): policy.Role[] => [...new Set(principal.roles.map((grant) => grant.role))];

/**
 * The principal as an actor over each of the given organisations (roles reach down the tree), for
 * the permissions of many records in one query.
 */
export async function actorsOver(
  db: Queryable,
  principal: Principal,
  organisationIds: Iterable<string>,
): Promise<(organisationId: string) => policy.Actor> {
  const chains = await ancestorsOf(db, [...new Set(organisationIds)]);
  return (organisationId) => {
    const chain = chains.get(organisationId) ?? new Set<string>();
    const posts = [...new Set(principal.roles.filter((grant) => chain.has(grant.organisationId)).map((grant) => grant.role))];
    return { userId: principal.userId, posts };
  };
}

export async function actorOver(db: Queryable, principal: Principal, organisationId: string): Promise<policy.Actor> {
  return (await actorsOver(db, principal, [organisationId]))(organisationId);
}

/** What the session opens: the side menu and the collection-level decisions that depend on the roles alone. */
export function sessionAccess(principal: Principal): SessionAccess {
  const roles = rolesOf(principal);
  return {
    pages: policy.navigationPages(roles),
    reviewStatuses: policy.reviewStatuses(roles),
    ledgerRollup: policy.mayReadRollup(roles),
    verifyAudit: policy.holdsAny(roles, policy.auditPolicy.posts.verify),
    createDeclarationIn: organisationsWhere(principal, policy.declarationPolicy.posts.create),
    createEvaluationIn: organisationsWhere(principal, policy.evaluationPolicy.posts.create),
    issueRectificationIn: organisationsWhere(principal, policy.rectificationPolicy.posts.issue),
  };
}

/** The organisations over which the principal holds one of these posts, each once. */
const organisationsWhere = (principal: Principal, posts: readonly policy.Role[]): string[] => [
  ...new Set(principal.roles.filter((grant) => policy.holdsAny([grant.role], posts)).map((grant) => grant.organisationId)),
];
