import type { targets } from '@jixiao/core';
import { type Queryable, readAll } from '../db/connect.ts';
import { conclusionFor } from '../ex-ante/ex-ante.repository.ts';
import { schemeOf } from '../ex-ante/ex-ante.service.ts';
import { peerTargetStatistics as peerStatisticsOf } from '../library/library-suggestions.ts';
import type { DeclarationRow, DeclaredIndicatorRow } from './declaration.repository.ts';

/**
 * What the declaration checks read from the database: last year's peers' targets per library entry (the
 * far-from-peers check), and for a 新增 project the 事前绩效评估 amount in force and the conclusion of its
 * assessment for the year (DECLARATION_EX_ANTE_MISSING). Other declarations read no ex-ante setting, so a
 * broken `exAnte` setting only stops the declarations the rule is about.
 */
export async function declarationCheckContext(
  db: Queryable,
  row: DeclarationRow,
  indicators: readonly DeclaredIndicatorRow[],
): Promise<targets.DeclarationCheckContext> {
  const peerTargetStatistics = await peerStatisticsOf(db, row, indicators);
  const { projectId } = row;
  if (row.kind !== 'project' || row.attribute !== 'new' || !projectId) return { peerTargetStatistics };
  const [scheme, conclusion] = await readAll(db, [() => schemeOf(db), () => conclusionFor(db, projectId, row.fiscalYear)]);
  return { peerTargetStatistics, exAnte: { requiredFromFen: scheme.requiredFromFen, conclusion } };
}
