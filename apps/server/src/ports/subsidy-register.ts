import type { Queryable } from '../db/connect.ts';

/**
 * How a survey counts its population from the subsidy register without importing internal control:
 * control implements it, the composition root (`modules.ts`) hands it over.
 */
export interface SubsidyRegister {
  /** Distinct recipients granted in that year by the organisation or any unit below it. */
  recipientsOfYear(db: Queryable, organisationId: string, fiscalYear: number): Promise<number>;
}

let provided: SubsidyRegister | undefined;

export function provideSubsidyRegister(register: SubsidyRegister): void {
  provided = register;
}

export function subsidyRegister(): SubsidyRegister {
  if (!provided) throw new Error('no SubsidyRegister: wireModules() (apps/server/src/modules.ts) must run before surveys count recipients');
  return provided;
}
