import { STATUS } from '@jixiao/contract';
import type { EvaluationStatus } from '../api/types.ts';

/** How many evaluations are in each status, in workflow order, zeros included. */
export function countByStatus(items: readonly { status: EvaluationStatus }[]): { status: EvaluationStatus; count: number }[] {
  const counts = new Map<EvaluationStatus, number>(STATUS.map((status) => [status, 0]));
  for (const item of items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  return STATUS.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}
