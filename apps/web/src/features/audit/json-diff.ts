/**
 * The audit log stores a record before and after a change as JSON. To read it, both are flattened
 * to leaf paths ("narrative.problems[1]", "status") and compared: what was added, removed or changed.
 * Unchanged leaves are left out; an object that was only created or deleted shows all its leaves.
 */
export interface DiffLine {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: string;
  readonly after?: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaf path → the leaf as JSON text ("\"草稿\"", "12", "null"); an empty object or array is a leaf. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node) && node.length > 0) {
      for (const [index, item] of node.entries()) walk(item, `${path}[${index}]`);
    } else if (isPlainObject(node) && Object.keys(node).length > 0) {
      for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key);
    } else {
      leaves.set(path || '(值)', JSON.stringify(node) ?? 'undefined');
    }
  };
  // A record that did not exist yet (before a create) or any more (after a delete) has no leaves.
  if (value !== undefined && value !== null) walk(value, prefix);
  return leaves;
}

export function diffJson(before: unknown, after: unknown): DiffLine[] {
  const left = flatten(before);
  const right = flatten(after);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort(comparePaths);
  const lines: DiffLine[] = [];
  for (const path of paths) {
    const was = left.get(path);
    const now = right.get(path);
    if (was === now) continue;
    if (was === undefined && now !== undefined) lines.push({ path, kind: 'added', after: now });
    else if (now === undefined && was !== undefined) lines.push({ path, kind: 'removed', before: was });
    else if (was !== undefined && now !== undefined) lines.push({ path, kind: 'changed', before: was, after: now });
  }
  return lines;
}

/** Paths in reading order: "items[2]" before "items[10]". */
function comparePaths(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
