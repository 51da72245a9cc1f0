import type { Role } from '@jixiao/contract';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/password.ts';
import type { Queryable } from '../db/connect.ts';
import { fiscalYears, indicatorLibrary, organisations, projects, userRoles, users } from '../db/schema.ts';
import { INDICATOR_LIBRARY } from './indicator-library.ts';

/**
 * Builders shared by the demo seed and the tests (style guide rule 27): each creates a valid
 * record from a few facts, so a test states only what it is about.
 */
export async function createOrganisation(
  db: Queryable,
  values: { kind: 'finance-bureau' | 'department' | 'unit'; code: string; name: string; parentId?: string | null },
) {
  const [row] = await db
    .insert(organisations)
    .values({ ...values, parentId: values.parentId ?? null })
    .returning();
  if (!row) throw new Error('organisation insert returned nothing');
  return row;
}

export interface UserSpec {
  readonly username: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly password: string;
  readonly roles: readonly { role: Role; organisationId: string }[];
  readonly phone?: string | null | undefined;
  readonly mustChangePassword?: boolean | undefined;
}

export async function createUser(db: Queryable, spec: UserSpec, hashCost: number) {
  const [row] = await db
    .insert(users)
    .values({
      username: spec.username,
      displayName: spec.displayName,
      organisationId: spec.organisationId,
      phone: spec.phone ?? null,
      passwordHash: await hashPassword(spec.password, hashCost),
      mustChangePassword: spec.mustChangePassword ?? false,
    })
    .returning();
  if (!row) throw new Error('user insert returned nothing');
  if (spec.roles.length) await db.insert(userRoles).values(spec.roles.map((grant) => ({ userId: row.id, ...grant })));
  return row;
}

export async function ensureFiscalYear(
  db: Queryable,
  year: number,
  deadlines: { submit?: string; review?: string; finance?: string } = {},
) {
  const [existing] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, year));
  if (existing) return existing;
  const [row] = await db
    .insert(fiscalYears)
    .values({
      year,
      submitDeadline: deadlines.submit ?? null,
      reviewDeadline: deadlines.review ?? null,
      financeDeadline: deadlines.finance ?? null,
    })
    .returning();
  if (!row) throw new Error('fiscal year insert returned nothing');
  return row;
}

export async function createProject(
  db: Queryable,
  values: { organisationId: string; fiscalYear: number; code: string; name: string; category: string; budgetFen: number },
) {
  const [row] = await db.insert(projects).values(values).returning();
  if (!row) throw new Error('project insert returned nothing');
  return row;
}

export async function seedIndicatorLibrary(db: Queryable): Promise<void> {
  await db
    .insert(indicatorLibrary)
    .values(INDICATOR_LIBRARY.map((entry) => ({ ...entry, source: '财政部通用共性绩效指标框架（产出、效益、满意度）及各地共性指标库' })));
}
