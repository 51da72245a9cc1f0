import type { AppliedResult } from '@jixiao/contract';
import type { Queryable } from '../db/connect.ts';

/**
 * How the target declarations and the budget lines read the 结果应用 decision on the same project of the
 * year before without importing the results module: the results module implements it, the composition
 * root (`modules.ts`) hands it over.
 */
export interface ResultReader {
  /** The decision on the unit's project with this code in year `fiscalYear − 1`, if the bureau took one. */
  appliedResultFor(db: Queryable, key: { organisationId: string; projectCode: string; fiscalYear: number }): Promise<AppliedResult | null>;
  /** The same for a project named by its id (a budget line's project). */
  appliedResultForProject(db: Queryable, projectId: string): Promise<AppliedResult | null>;
}

let provided: ResultReader | undefined;

export function provideResultReader(reader: ResultReader): void {
  provided = reader;
}

export function resultReader(): ResultReader {
  if (!provided) throw new Error('no ResultReader: wireModules() (apps/server/src/modules.ts) must run before the declarations are read');
  return provided;
}
