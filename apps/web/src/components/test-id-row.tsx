import type { HTMLAttributes, Key } from 'react';

export type TableRowProps = HTMLAttributes<HTMLTableRowElement> & { 'data-row-key'?: Key };

/**
 * A table row carrying `data-testid="<prefix><row key>"` for the browser tests; keys starting with
 * "group:" (grouping rows of a tree table) get none. Tables use it through a row component declared
 * at module level (a component made during render would remount every row).
 */
export function TestIdRow({ prefix, ...props }: TableRowProps & { prefix: string }) {
  const key = props['data-row-key'];
  const testId = key === undefined || String(key).startsWith('group:') ? undefined : `${prefix}${key}`;
  return <tr {...props} data-testid={testId} />;
}
