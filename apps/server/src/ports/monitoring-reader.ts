import type { Queryable } from '../db/connect.ts';
import type { Scope } from '../policies/scope.ts';

export type LightCounts = Record<'red' | 'yellow' | 'blue' | 'green' | 'none', number>;

/** The latest monitoring round in a scope, with each filling organisation's forms counted by light. */
export interface MonitoringRound {
  readonly taskId: string;
  readonly title: string;
  readonly fiscalYear: number;
  readonly cutoffDate: string;
  readonly byOrganisation: ReadonlyMap<string, LightCounts>;
}

/**
 * How the finance bureau's overview reads the monitoring lights without importing the monitoring module:
 * monitoring implements it, the composition root (`modules.ts`) hands it over.
 */
export interface MonitoringReader {
  /** The task with the latest cut-off that has forms in the scope; null when there is none. */
  latestRound(db: Queryable, scope: Scope): Promise<MonitoringRound | null>;
}

let provided: MonitoringReader | undefined;

export function provideMonitoringReader(reader: MonitoringReader): void {
  provided = reader;
}

export function monitoringReader(): MonitoringReader {
  if (!provided) throw new Error('no MonitoringReader: wireModules() (apps/server/src/modules.ts) must run before the overview is read');
  return provided;
}
