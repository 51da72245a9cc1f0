import type { RoleGrant } from '@jixiao/contract';
import { and, eq, lt, sql } from 'drizzle-orm';
import { type Db, type Queryable, ref } from '../db/connect.ts';
import { organisations, sessions, userRoles, users } from '../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
  return row;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findRoles(db: Queryable, userId: string) {
  return db
    .select({ role: userRoles.role, organisationId: userRoles.organisationId, organisationName: organisations.name })
    .from(userRoles)
    .innerJoin(organisations, eq(organisations.id, userRoles.organisationId))
    .where(eq(userRoles.userId, userId));
}

export async function organisationName(db: Queryable, id: string): Promise<string> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? '';
}

/**
 * Claims one password check for the account before the (slow) hash is compared: the claim counts as a
 * failure until a success resets it, and the claim that reaches `maxFailures` locks the account at once.
 * One UPDATE decides, so concurrent attempts can never check more passwords than the limit, and an
 * attempt on a locked account gets no row (it is refused without a check). A lock that has ended starts
 * the count again.
 */
export async function claimPasswordCheck(
  db: Queryable,
  userId: string,
  now: Date,
  maxFailures: number,
  lockUntil: Date,
): Promise<{ failures: number; locking: boolean } | undefined> {
  const expired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`;
  const failures = sql`case when ${expired} then 1 else ${users.failedLogins} + 1 end`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: failures,
      lockedUntil: sql`case when ${failures} >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz when ${expired} then null else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.id, userId), sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`))
    .returning({ failures: users.failedLogins, lockedUntil: users.lockedUntil });
  return row && { failures: row.failures, locking: row.lockedUntil !== null };
}

export async function resetFailedLogins(db: Queryable, userId: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/** A new hash of the same password (new cost): not an edit of the account, so its version stays. */
export async function replacePasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function updatePassword(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Queryable, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSession(db: Queryable, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return row;
}

export async function touchSession(db: Queryable, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Queryable, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: Queryable, userId: string, except?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(except ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${except}`) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export interface SessionWithUser {
  readonly session: SessionRow;
  readonly user: UserRow;
  readonly roles: RoleGrant[];
}

/**
 * Every authenticated request resolves its session: one prepared query returns the session, its
 * user and the user's roles (as JSON), instead of three round trips.
 */
export function sessionLookup(db: Db) {
  const statement = db
    .select({
      session: sessions,
      user: users,
      roles: sql<
        RoleGrant[]
      >`(select coalesce(json_agg(json_build_object('role', r.role, 'organisationId', r.organisation_id, 'organisationName', o.name)), '[]'::json)
        from user_roles r join organisations o on o.id = r.organisation_id where r.user_id = ${ref(users.id)})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('jixiao_session_lookup');
  return async (id: string): Promise<SessionWithUser | undefined> => {
    const [row] = await statement.execute({ id });
    return row;
  };
}
