import type { Role } from '@jixiao/contract';

/**
 * A user's roles reach down the organisation tree (server: control-access.ts postsOver). The app
 * uses the same rule to offer only the steps a user's posts allow over a record's organisation;
 * the server still decides.
 */
export interface OrganisationNode {
  readonly id: string;
  readonly parentId: string | null;
}

export interface Grant {
  readonly role: Role;
  readonly organisationId: string;
}

/** The organisation and its ancestors, nearest first; a cycle or a missing parent ends the chain. */
export function ancestry(organisations: readonly OrganisationNode[], organisationId: string): string[] {
  const parents = new Map(organisations.map((organisation) => [organisation.id, organisation.parentId]));
  const chain: string[] = [];
  let current: string | null | undefined = organisationId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = parents.get(current);
  }
  return chain;
}

/** The roles granted on the organisation or any organisation above it. */
export function postsOver(grants: readonly Grant[], organisations: readonly OrganisationNode[], organisationId: string): Role[] {
  const chain = new Set(ancestry(organisations, organisationId));
  return [...new Set(grants.filter((grant) => chain.has(grant.organisationId)).map((grant) => grant.role))];
}

export const holdsAny = (held: readonly Role[], wanted: readonly Role[]) => wanted.some((role) => held.includes(role));

/** The organisation and every organisation below it (what a department's ledger includes). */
export function subtree(organisations: readonly OrganisationNode[], organisationId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const organisation of organisations) {
    if (organisation.parentId) children.set(organisation.parentId, [...(children.get(organisation.parentId) ?? []), organisation.id]);
  }
  const found = new Set<string>();
  const queue = [organisationId];
  while (queue.length > 0) {
    const id = queue.shift();
    if (id === undefined || found.has(id)) continue;
    found.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return found;
}
