import type { Queryable } from '../../db/connect.ts';
import { notFound } from '../../errors.ts';
import { descendantIds, getOrganisation } from '../../organisations/organisation.repository.ts';
import { findUnitsByCode, type UnitFact } from './ledger-lookup.repository.ts';

/**
 * The units a file names, by code, each either found within the importing organisation's tree or
 * with the reason it cannot be used. A role over a department reaches its units (control-access.ts),
 * so the importing organisation and everything below it is the scope.
 */
export async function unitsInScope(
  db: Queryable,
  organisationId: string,
  codes: readonly string[],
): Promise<{ units: Map<string, UnitFact>; problems: Map<string, string> }> {
  const organisation = await getOrganisation(db, organisationId);
  if (!organisation) throw notFound('单位');
  const scope = new Set(await descendantIds(db, [organisationId]));
  const found = new Map((await findUnitsByCode(db, [...new Set(codes)])).map((unit) => [unit.code, unit]));
  const units = new Map<string, UnitFact>();
  const problems = new Map<string, string>();
  for (const code of new Set(codes)) {
    const unit = found.get(code);
    if (!unit) problems.set(code, `单位编码“${code}”在系统中不存在`);
    else if (!scope.has(unit.id))
      problems.set(code, `单位“${unit.name}”（${code}）不在本次导入范围内：只能导入“${organisation.name}”及其下级单位的数据`);
    else units.set(code, unit);
  }
  return { units, problems };
}
