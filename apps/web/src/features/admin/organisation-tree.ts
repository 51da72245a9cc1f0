import type { Organisation, OrganisationKind } from '../../api/types.ts';

export interface OrganisationNode {
  readonly organisation: Organisation;
  readonly children: OrganisationNode[];
}

const KIND_ORDER: Readonly<Record<OrganisationKind, number>> = { 'finance-bureau': 0, department: 1, unit: 2 };

/**
 * The organisations as a tree (财政局 → 部门 → 下级预算单位), siblings by kind then code. An
 * organisation whose parent is not in the list (not visible to this user) becomes a root.
 */
export function buildOrganisationTree(items: readonly Organisation[]): OrganisationNode[] {
  const ids = new Set(items.map((item) => item.id));
  const children = new Map<string | null, Organisation[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const build = (parent: string | null, seen: ReadonlySet<string>): OrganisationNode[] =>
    (children.get(parent) ?? [])
      .filter((item) => !seen.has(item.id))
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code))
      .map((organisation) => ({ organisation, children: build(organisation.id, new Set([...seen, organisation.id])) }));
  return build(null, new Set());
}

/** What may be created under an organisation of this kind (nothing under a unit). */
export function childKindOf(kind: OrganisationKind | null): OrganisationKind | null {
  if (kind === null) return 'finance-bureau';
  if (kind === 'finance-bureau') return 'department';
  if (kind === 'department') return 'unit';
  return null;
}

/** The tree as TreeSelect options (value: id, title: name). */
export function organisationTreeSelect(
  nodes: readonly OrganisationNode[],
): { value: string; title: string; children: ReturnType<typeof organisationTreeSelect> }[] {
  return nodes.map((node) => ({
    value: node.organisation.id,
    title: node.organisation.name,
    children: organisationTreeSelect(node.children),
  }));
}
