import type { Queryable } from '../db/connect.ts';
import { seedContractsDemo } from './control-demo-contracts.ts';

/** What the control demo builds on: the demo department, its units and users by username. */
export interface ControlDemoIds {
  readonly fiscalYear: number;
  readonly departmentId: string;
  readonly unitIds: readonly string[];
  readonly users: ReadonlyMap<string, string>;
  /** Budget lines by code, filled in as they are created. */
  readonly budgetLines: Map<string, string>;
}

/** The internal-control demo of the Panyu department: budget lines, plans, payments, contracts, assets. */
export async function seedControlDemo(tx: Queryable, ids: ControlDemoIds): Promise<void> {
  await seedContractsDemo(tx, ids);
}
