import type { Role } from '@jixiao/contract';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { evaluations, fiscalYears, organisations, projects, userRoles, users } from '../db/schema.ts';

export async function findUsers(db: Queryable, organisationIds: readonly string[] | 'all') {
  const rows = await db
    .select({ user: users, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(organisationIds === 'all' ? undefined : inArray(users.organisationId, [...organisationIds]))
    .orderBy(asc(users.username));
  const roles = rows.length
    ? await db
        .select({
          userId: userRoles.userId,
          role: userRoles.role,
          organisationId: userRoles.organisationId,
          organisationName: organisations.name,
        })
        .from(userRoles)
        .innerJoin(organisations, eq(organisations.id, userRoles.organisationId))
        .where(
          inArray(
            userRoles.userId,
            rows.map((row) => row.user.id),
          ),
        )
    : [];
  return rows.map((row) => ({ ...row, roles: roles.filter((grant) => grant.userId === row.user.id) }));
}

export async function updateUser(db: Queryable, id: string, expectedVersion: number, values: Partial<typeof users.$inferInsert>) {
  const [row] = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning();
  return row;
}

export async function replaceRoles(db: Queryable, userId: string, grants: readonly { role: string; organisationId: string }[]) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (grants.length) await db.insert(userRoles).values(grants.map((grant) => ({ userId, ...grant })));
}

export async function updateOrganisation(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Partial<typeof organisations.$inferInsert>,
) {
  const [row] = await db
    .update(organisations)
    .set({ ...values, version: sql`${organisations.version} + 1` })
    .where(and(eq(organisations.id, id), eq(organisations.version, expectedVersion)))
    .returning();
  return row;
}

export async function findFiscalYears(db: Queryable) {
  return db.select().from(fiscalYears).orderBy(asc(fiscalYears.year));
}

export async function updateFiscalYear(
  db: Queryable,
  year: number,
  expectedVersion: number,
  values: Partial<typeof fiscalYears.$inferInsert>,
) {
  const [row] = await db
    .update(fiscalYears)
    .set({ ...values, version: sql`${fiscalYears.version} + 1` })
    .where(and(eq(fiscalYears.year, year), eq(fiscalYears.version, expectedVersion)))
    .returning();
  return row;
}

export async function findProjects(db: Queryable, organisationIds: readonly string[] | 'all', fiscalYear?: number) {
  const conditions = [];
  if (organisationIds !== 'all') conditions.push(inArray(projects.organisationId, [...organisationIds]));
  if (fiscalYear) conditions.push(eq(projects.fiscalYear, fiscalYear));
  if (organisationIds !== 'all' && organisationIds.length === 0) return [];
  return db
    .select({ project: projects, organisationName: organisations.name, evaluationId: evaluations.id })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .leftJoin(evaluations, eq(evaluations.projectId, projects.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(projects.fiscalYear), asc(projects.code));
}

/** An administrator's reset: a new initial password, to be changed at the next login; the lock is lifted. */
export async function setPassword(db: Queryable, id: string, passwordHash: string) {
  const [row] = await db
    .update(users)
    .set({ passwordHash, mustChangePassword: true, lockedUntil: null, failedLogins: 0, version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** A user created by the organisation import, with their posts; the password hash is already computed. */
export async function insertUserWithRoles(
  db: Queryable,
  values: typeof users.$inferInsert,
  grants: readonly { role: Role; organisationId: string }[],
): Promise<{ id: string }> {
  const [created] = await db.insert(users).values(values).returning({ id: users.id });
  if (!created) throw new Error('user insert returned nothing');
  if (grants.length) await db.insert(userRoles).values(grants.map((grant) => ({ userId: created.id, ...grant })));
  return created;
}
