import { control } from '@jixiao/core';
import type { BudgetLineRow } from '@jixiao/documents';
import type { Queryable } from '../../db/connect.ts';
import { conclusionsFor } from '../../ex-ante/ex-ante.repository.ts';
import { type ImportInput, issueAt } from './import-input.ts';
import type { NewBudgetLine } from './ledger-insert.repository.ts';
import { findBudgetLines, findFiscalYears, findProjects, type LineKey } from './ledger-lookup.repository.ts';
import { unitsInScope } from './unit-scope.ts';

/**
 * Checks budget-line rows against the database: the unit within the importing organisation, the
 * year set up, the project (if named) existing for that unit and year, and no line with the same
 * unit, year and code already there (an import adds lines; changing one is an adjustment, 预算调整).
 * Adds every problem to the input's issues and returns the lines ready to insert.
 */
export async function checkBudgetLines(db: Queryable, input: ImportInput<BudgetLineRow>): Promise<NewBudgetLine[]> {
  const { rows } = input;
  const { units, problems } = await unitsInScope(
    db,
    input.organisationId,
    rows.map((row) => row.unitCode),
  );
  const years = new Set(await findFiscalYears(db, [...new Set(rows.map((row) => row.fiscalYear))]));
  const keyOf = (row: BudgetLineRow, code: string): LineKey | undefined => {
    const unit = units.get(row.unitCode);
    return unit && { organisation_id: unit.id, fiscal_year: row.fiscalYear, code };
  };
  const lineKeys = rows.flatMap((row) => keyOf(row, row.code) ?? []);
  const projectKeys = rows.flatMap((row) => (row.projectCode ? (keyOf(row, row.projectCode) ?? []) : []));
  const existing = new Set((await findBudgetLines(db, lineKeys)).map(keyText));
  const found = await findProjects(db, projectKeys);
  const projects = new Map(found.map((project) => [keyText(project), project.id]));
  const conclusions = await conclusionsFor(
    db,
    found.map((project) => project.id),
  );

  const lines: NewBudgetLine[] = [];
  for (const row of rows) {
    const unit = units.get(row.unitCode);
    if (!unit) {
      issueAt(input, row, 'unitCode', problems.get(row.unitCode) ?? '单位不存在');
      continue;
    }
    let isValid = true;
    const problem = (key: string, message: string) => {
      issueAt(input, row, key, message);
      isValid = false;
    };
    if (!years.has(row.fiscalYear)) problem('fiscalYear', `${row.fiscalYear} 年度尚未在系统中建立，请系统管理员先建立该预算年度`);
    const key = { organisation_id: unit.id, fiscal_year: row.fiscalYear, code: row.code };
    if (existing.has(keyText(key))) {
      problem('code', `“${unit.name}”${row.fiscalYear} 年度已有指标编码“${row.code}”；导入只新增指标，已有指标的金额请通过预算调整修改`);
    }
    const projectId = row.projectCode ? projects.get(keyText({ ...key, code: row.projectCode })) : undefined;
    if (row.projectCode && !projectId)
      problem('projectCode', `“${unit.name}”${row.fiscalYear} 年度没有项目编码为“${row.projectCode}”的项目`);
    if (projectId) {
      const conclusion = conclusions.get(`${projectId}:${row.fiscalYear}`);
      for (const violation of control.checkExAnteForBudgetLine({ name: row.projectCode ?? '', conclusion })) {
        problem('projectCode', violation.message);
      }
    }
    if (!isValid) continue;
    lines.push({
      organisationId: unit.id,
      fiscalYear: row.fiscalYear,
      projectId: projectId ?? null,
      code: row.code,
      name: row.name,
      spendingType: row.spendingType,
      fundingSource: row.fundingSource,
      initialFen: row.initialFen,
      carryOverFen: row.carryOverFen,
    });
  }
  return lines;
}

const keyText = (key: LineKey) => `${key.organisation_id}\u0000${key.fiscal_year}\u0000${key.code}`;
