import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { loginThrottle } from '../db/schema.ts';

/*
 * Counters per key in a window, in the database so every app instance shares them and a restart does
 * not reset them: failed sign-ins per (username, address), survey submissions per address. Keys are
 * namespaced by their user ("survey:<address>").
 */

/** Counts one more event under `key` (a failed sign-in, a survey submission) and returns the count in the window. */
export async function bumpThrottle(db: Queryable, key: string, now: Date, windowMs: number): Promise<number> {
  const windowFloor = new Date(now.getTime() - windowMs);
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStart} < ${windowFloor.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < ${windowFloor.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginThrottle.windowStart} end`,
      },
    })
    .returning({ failures: loginThrottle.failures });
  return row?.failures ?? 1;
}

export async function throttleFailures(db: Queryable, key: string, now: Date, windowMs: number): Promise<number> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  if (!row || row.windowStart.getTime() < now.getTime() - windowMs) return 0;
  return row.failures;
}

export async function clearThrottle(db: Queryable, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
