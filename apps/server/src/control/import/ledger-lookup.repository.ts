import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/connect.ts';

/**
 * The database facts an import is checked against, each fetched for all rows in one query. Keys
 * travel as one jsonb parameter (jsonb_to_recordset) rather than one parameter per value: a
 * 100,000-row file would pass PostgreSQL's 65,535-parameter limit, and one parameter is cheaper.
 */
const json = (value: unknown): SQL => sql`${JSON.stringify(value)}::jsonb`;

export interface UnitFact {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export async function findUnitsByCode(db: Queryable, codes: readonly string[]): Promise<UnitFact[]> {
  return queryRows<UnitFact>(
    db,
    sql`select id, code, name from organisations where code in (select jsonb_array_elements_text(${json(codes)}))`,
  );
}

export async function findFiscalYears(db: Queryable, years: readonly number[]): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select year from fiscal_years where year in (select value::int from jsonb_array_elements_text(${json(years)}))`,
  );
  return rows.map((row) => Number(row.year));
}

export interface LineKey {
  readonly organisation_id: string;
  readonly fiscal_year: number;
  readonly code: string;
}

const LINE_KEYS = (keys: readonly LineKey[]) =>
  sql`jsonb_to_recordset(${json(keys)}) as k(organisation_id uuid, fiscal_year int, code text)`;

/** Projects (项目) by unit, year and code, for budget lines that name one. */
export async function findProjects(db: Queryable, keys: readonly LineKey[]): Promise<(LineKey & { id: string })[]> {
  return queryRows(
    db,
    sql`select p.id, p.organisation_id, p.fiscal_year, p.code from projects p
        join ${LINE_KEYS(keys)} on p.organisation_id = k.organisation_id and p.fiscal_year = k.fiscal_year and p.code = k.code`,
  );
}

export interface LineFact extends LineKey {
  readonly id: string;
  readonly spending_type: 'basic' | 'project';
}

/**
 * The budget lines with these keys; their money is read through the one position definition
 * (budget.repository.ts linePositions, after line-lock.ts when the import writes).
 */
export async function findBudgetLines(db: Queryable, keys: readonly LineKey[]): Promise<LineFact[]> {
  const rows = await queryRows<LineFact>(
    db,
    sql`select bl.id, bl.organisation_id, bl.fiscal_year, bl.code, bl.spending_type
        from budget_lines bl
        join ${LINE_KEYS(keys)} on bl.organisation_id = k.organisation_id and bl.fiscal_year = k.fiscal_year and bl.code = k.code`,
  );
  return rows.map((row) => ({ ...row, fiscal_year: Number(row.fiscal_year) }));
}

export interface PaymentKey {
  readonly row: number;
  readonly organisation_id: string;
  readonly payee_name: string;
  readonly amount_fen: number;
  readonly invoice_number: string;
  readonly paid_on: string;
}

/** The rows (by row number) whose payee, amount, invoice and date match a payment the unit already has (not rejected). */
export async function findRecordedPayments(db: Queryable, keys: readonly PaymentKey[]): Promise<number[]> {
  const rows = await queryRows<{ row: number }>(
    db,
    sql`select k.row from jsonb_to_recordset(${json(keys)})
          as k(row int, organisation_id uuid, payee_name text, amount_fen bigint, invoice_number text, paid_on date)
        where exists (
          select 1 from payment_requests p
          where p.payee_name = k.payee_name and p.amount_fen = k.amount_fen and p.invoice_number = k.invoice_number
            and p.paid_on = k.paid_on and p.organisation_id = k.organisation_id and p.status <> 'rejected')`,
  );
  return rows.map((row) => Number(row.row));
}
