import type { CarriedRectification } from '@jixiao/contract';
import type { Queryable } from '../db/connect.ts';

/**
 * How the target declarations read the 未完成整改事项 carried into their year without importing the
 * rectification module: the rectification module implements it, the composition root (`modules.ts`)
 * hands it over.
 */
export interface RectificationReader {
  /** The organisation's notices of year `fiscalYear − 1` still open, by deadline; `now` decides overdue. */
  carriedInto(db: Queryable, organisationId: string, fiscalYear: number, now: Date): Promise<CarriedRectification[]>;
}

let provided: RectificationReader | undefined;

export function provideRectificationReader(reader: RectificationReader): void {
  provided = reader;
}

export function rectificationReader(): RectificationReader {
  if (!provided)
    throw new Error('no RectificationReader: wireModules() (apps/server/src/modules.ts) must run before the declarations are read');
  return provided;
}
