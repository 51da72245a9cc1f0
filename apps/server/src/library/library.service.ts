import type { Deps } from '../context.ts';
import { findLibraryIndicators } from './library.repository.ts';

/** 指标库: common indicators by project category; readable by everyone signed in. */
export async function listLibrary(deps: Deps, category: string | undefined) {
  const rows = await findLibraryIndicators(deps.db, category);
  return { items: rows.map((row) => ({ ...row, level1: row.level1 as 'output' | 'effect' | 'satisfaction' })) };
}
