import type { Fen } from '@jixiao/core';
import type { Queryable } from '../db/connect.ts';
import { type BudgetLineRow, budgetOf, linePosition, lockLines } from './budget/budget.repository.ts';

/**
 * The one way a step that reserves, releases or moves a line's money reads the line: lock it
 * (SELECT … FOR UPDATE), then read its position, both inside the step's transaction. Every such
 * step — payment steps, contract signing and closure, grant approval, procurement registration and
 * award, adjustment decisions, payment imports — goes through here, so two of them on one line take
 * turns and the second sees what the first wrote: a balance checked is the balance written against.
 * Several lines are locked in id order (lockLines), so steps never deadlock on each other's lines.
 *
 * Lock order, the same in every step: the step's own record (payment request, adjustment,
 * procurement, closure request) → its budget line(s) → the contract.
 */
export interface LockedLine {
  readonly line: BudgetLineRow;
  /** initial + carry-over + approved adjustments */
  readonly budget: Fen;
  readonly paid: Fen;
  readonly committed: Fen;
  /** budget − paid − committed */
  readonly available: Fen;
}

export type PositionExclusion = Parameters<typeof linePosition>[2];

/** Locks one line and reads its position; undefined when there is no such line. */
export async function lockLinePosition(db: Queryable, id: string, exclude: PositionExclusion = {}): Promise<LockedLine | undefined> {
  const [line] = await lockLines(db, [id]);
  return line && positionOf(db, line, exclude);
}

/** Locks the lines (in id order) and reads the position of each, by id. */
export async function lockLinePositions(db: Queryable, ids: readonly string[]): Promise<Map<string, LockedLine>> {
  const positions = new Map<string, LockedLine>();
  for (const line of await lockLines(db, ids)) positions.set(line.id, await positionOf(db, line, {}));
  return positions;
}

async function positionOf(db: Queryable, line: BudgetLineRow, exclude: PositionExclusion): Promise<LockedLine> {
  const { paid, committed } = await linePosition(db, line.id, exclude);
  const budget = budgetOf(line);
  return { line, budget, paid, committed, available: budget - paid - committed };
}
