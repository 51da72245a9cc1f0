import type { SearchHit } from '@jixiao/contract';
import { and, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { budgetLines, contracts, paymentRequests } from '../db/control-schema.ts';
import { evaluations, organisations, projects } from '../db/schema.ts';
import { targetDeclarations } from '../db/targets-schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

/**
 * The four searches behind the header's box, each one query over its own table with the reader's
 * scope inside it (a hit never names a record the reader could not open), newest year first.
 */
interface Where {
  readonly pattern: string;
  readonly scope: Scope;
  readonly limit: number;
}

type Hit = Omit<SearchHit, 'kind' | 'link'>;

const within = (column: Parameters<typeof inScope>[0], scope: Scope, match: SQL | undefined): SQL | undefined =>
  and(inScope(column, scope), match);

/** An evaluation or declaration is named by its project, or is the department's own (部门整体支出). */
const projectHit = ({ projectName, ...row }: Hit & { projectName: string | null }): Hit => ({
  ...row,
  title: projectName ?? `${row.organisationName}部门整体支出`,
});

export async function searchEvaluations(db: Queryable, where: Where): Promise<Hit[]> {
  const rows = await db
    .select({
      id: evaluations.id,
      title: organisations.name,
      projectName: projects.name,
      code: projects.code,
      amountFen: projects.budgetFen,
      status: evaluations.status,
      organisationName: organisations.name,
      fiscalYear: evaluations.fiscalYear,
    })
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.organisationId))
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .where(
      within(
        evaluations.organisationId,
        where.scope,
        or(ilike(projects.name, where.pattern), ilike(projects.code, where.pattern), ilike(organisations.name, where.pattern)),
      ),
    )
    .orderBy(desc(evaluations.fiscalYear), projects.name, organisations.name)
    .limit(where.limit);
  return rows.map(projectHit);
}

export async function searchDeclarations(db: Queryable, where: Where): Promise<Hit[]> {
  const rows = await db
    .select({
      id: targetDeclarations.id,
      title: organisations.name,
      projectName: targetDeclarations.projectName,
      code: targetDeclarations.projectCode,
      amountFen: projects.budgetFen,
      status: targetDeclarations.status,
      organisationName: organisations.name,
      fiscalYear: targetDeclarations.fiscalYear,
    })
    .from(targetDeclarations)
    .innerJoin(organisations, eq(organisations.id, targetDeclarations.organisationId))
    .leftJoin(projects, eq(projects.id, targetDeclarations.projectId))
    .where(
      within(
        targetDeclarations.organisationId,
        where.scope,
        or(
          ilike(targetDeclarations.projectName, where.pattern),
          ilike(targetDeclarations.projectCode, where.pattern),
          ilike(organisations.name, where.pattern),
        ),
      ),
    )
    .orderBy(desc(targetDeclarations.fiscalYear), targetDeclarations.projectName, organisations.name)
    .limit(where.limit);
  return rows.map(projectHit);
}

/** 收款人, 用途 or 发票号. The year is its budget line's. */
export async function searchPayments(db: Queryable, where: Where): Promise<Hit[]> {
  return db
    .select({
      id: paymentRequests.id,
      title: paymentRequests.payeeName,
      code: paymentRequests.invoiceNumber,
      amountFen: paymentRequests.amountFen,
      status: paymentRequests.status,
      organisationName: organisations.name,
      fiscalYear: budgetLines.fiscalYear,
    })
    .from(paymentRequests)
    .innerJoin(organisations, eq(organisations.id, paymentRequests.organisationId))
    .innerJoin(budgetLines, eq(budgetLines.id, paymentRequests.budgetLineId))
    .where(
      within(
        paymentRequests.organisationId,
        where.scope,
        or(
          ilike(paymentRequests.payeeName, where.pattern),
          ilike(paymentRequests.purpose, where.pattern),
          ilike(paymentRequests.invoiceNumber, where.pattern),
        ),
      ),
    )
    .orderBy(desc(budgetLines.fiscalYear), desc(paymentRequests.requestedAt))
    .limit(where.limit);
}

/** 合同名称, 编号 or 供应商. */
export async function searchContracts(db: Queryable, where: Where): Promise<Hit[]> {
  return db
    .select({
      id: contracts.id,
      title: contracts.title,
      code: contracts.code,
      amountFen: contracts.amountFen,
      status: contracts.status,
      organisationName: organisations.name,
      fiscalYear: budgetLines.fiscalYear,
    })
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.organisationId))
    .innerJoin(budgetLines, eq(budgetLines.id, contracts.budgetLineId))
    .where(
      within(
        contracts.organisationId,
        where.scope,
        or(ilike(contracts.title, where.pattern), ilike(contracts.code, where.pattern), ilike(contracts.counterpartyName, where.pattern)),
      ),
    )
    .orderBy(desc(budgetLines.fiscalYear), desc(contracts.signedOn))
    .limit(where.limit);
}
