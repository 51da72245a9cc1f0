import type { Queryable } from '../db/connect.ts';
import type { ControlDemoIds } from './control-demo.ts';

/** Demo procurement, contracts with milestones, assets and subsidy recipients (filled in by the control modules). */
export async function seedContractsDemo(_tx: Queryable, _ids: ControlDemoIds): Promise<void> {}
