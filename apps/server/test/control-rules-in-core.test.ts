import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every internal-control rule is decided in core (packages/core/src/control/, segregation of duties
 * included); the server gathers inputs and applies the verdict. So no server source builds a
 * violation of its own (`code: 'IC_…'`).
 */
const SOURCE = join(import.meta.dirname, '..', 'src');

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('internal-control rules live in core', () => {
  it('no server source builds an IC_ violation', () => {
    const built = sources(SOURCE).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/code:\s*['"`](IC_[A-Z_]+)/g)].map(
        (match) => `${relative(SOURCE, path).split('\\').join('/')} ${match[1]}`,
      ),
    );
    expect([...new Set(built)].sort()).toEqual([]);
  });

  it('control services and commands hold no SQL: queries are in the repositories', () => {
    const withSql = sources(join(SOURCE, 'control'))
      .filter((path) => /\.(service|commands)\.ts$/.test(path))
      .filter((path) => /from '(drizzle-orm|[./]+db\/schema\.ts)'/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SOURCE, path).split('\\').join('/'));
    expect(withSql).toEqual([]);
  });
});
