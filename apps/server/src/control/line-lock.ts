import type { Queryable } from '../db/connect.ts';
import { type LineWithPosition, linePositions, lockLines, type PositionExclusion } from './budget/budget.repository.ts';

/**
 * The one way a step that reserves, releases or moves a line's money reads the line: lock it
 * (SELECT … FOR UPDATE), then read its position, both inside the step's transaction. Every such
 * step — payment steps, contract signing and closure, grant approval, procurement registration and
 * award, adjustment decisions, payment imports — goes through here, so two of them on one line take
 * turns and the second sees what the first wrote: a balance checked is the balance written against.
 * Several lines are locked in id order (lockLines), so steps never deadlock on each other's lines.
 * The position itself has one definition (budget.repository.ts linePositions), read here after the lock.
 *
 * Lock order, the same in every step: the step's own record (payment request, adjustment,
 * procurement, closure request) → its budget line(s) → the contract.
 */
export type LockedLine = LineWithPosition;

/** Locks one line and reads its position; undefined when there is no such line. */
export async function lockLinePosition(db: Queryable, id: string, exclude: PositionExclusion = {}): Promise<LockedLine | undefined> {
  const [line] = await lockLines(db, [id]);
  return line && (await linePositions(db, [line.id], exclude)).get(line.id);
}

/** Locks the lines (in id order) and reads the position of each, by id. */
export async function lockLinePositions(db: Queryable, ids: readonly string[]): Promise<Map<string, LockedLine>> {
  await lockLines(db, ids);
  return linePositions(db, ids);
}
