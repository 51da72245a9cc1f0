/** An organisation in the tree the user sees (a department's ledger includes its units). */
export interface OrganisationNode {
  readonly id: string;
  readonly parentId: string | null;
}

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
