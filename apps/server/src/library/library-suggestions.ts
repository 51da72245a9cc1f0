import type { DeclarationSuggestions, IndicatorSuggestion } from '@jixiao/contract';
import { type Direction, formatDecimal, parseDecimal, targets } from '@jixiao/core';
import { eq } from 'drizzle-orm';
import type { Deps, RequestContext } from '../context.ts';
import { type Queryable, readAll } from '../db/connect.ts';
import { controlSettings, organisations } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { DeclarationRow, DeclaredIndicatorRow } from '../targets/declaration.repository.ts';
import * as declarationRepo from '../targets/declaration.repository.ts';
import { authoriseDeclaration } from '../targets/declaration-access.ts';
import * as repo from './library.repository.ts';
import { distributionOf, distributionsOf } from './library-statistics.ts';

/** The suggestion rule in force: the default with `targetSuggestion` of the control settings (docs/targets.md). */
export async function suggestionRule(db: Queryable): Promise<targets.SuggestionRule> {
  const [row] = await db.select({ config: controlSettings.config }).from(controlSettings).where(eq(controlSettings.id, 1));
  try {
    return targets.suggestionRuleWith(row?.config.targetSuggestion);
  } catch (error) {
    // A bad setting is the deployment's fault, not the preparer's: say what is wrong and who can fix it.
    if (!(error instanceof RangeError)) throw error;
    throw new AppError(
      'SETTINGS_INVALID',
      `内部控制设置中的目标值建议规则（targetSuggestion）有误：${error.message}。请系统管理员修改后再试。`,
      [{ path: 'targetSuggestion', message: error.message }],
    );
  }
}

/** The code that makes "the same project" across years: the project's, or the department's for its 部门整体 form. */
export async function usageCodeOf(db: Queryable, declaration: DeclarationRow): Promise<string> {
  if (declaration.projectCode) return declaration.projectCode;
  const [organisation] = await db
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, declaration.organisationId));
  return organisation?.code ?? declaration.organisationId;
}

const boundEntries = (indicators: readonly DeclaredIndicatorRow[]) => [
  ...new Set(indicators.flatMap((line) => (line.libraryEntryId ? [line.libraryEntryId] : []))),
];

/**
 * The peers' targets per library entry for the "far from peers" check: last year's approved targets
 * of the other projects (this one excluded), as statistics computed from the ranks the database sends.
 */
export async function peerTargetStatistics(
  db: Queryable,
  declaration: DeclarationRow,
  indicators: readonly DeclaredIndicatorRow[],
): Promise<Map<string, targets.PeerStatistics>> {
  const entries = boundEntries(indicators);
  if (entries.length === 0) return new Map();
  const year = declaration.fiscalYear - 1;
  const ranked = await repo.rankedValues(db, { entries, year, excludeProject: await usageCodeOf(db, declaration) });
  const distributions = distributionsOf(ranked.filter((row) => row.kind === 'target'));
  return new Map(
    entries.flatMap((entry) => {
      const stats = distributions.statistics(entry, year, 'target');
      return stats ? [[entry, stats] as const] : [];
    }),
  );
}

const decimal = (text: string | null | undefined) => (text === null || text === undefined ? undefined : parseDecimal(text));
const text = (value: ReturnType<typeof decimal>) => (value ? formatDecimal(value) : null);

/**
 * 目标值建议 for each line of the declaration bound to a library entry, and for `extraEntries` asked
 * about before a line is saved: last year's target and actual of the same project, the peers'
 * distributions of last year (this project excluded) and the rule's suggestion with its sentence.
 * Three queries whatever the number of lines.
 */
export async function declarationSuggestions(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  extraEntries: readonly string[] = [],
): Promise<DeclarationSuggestions> {
  const { declaration } = await authoriseDeclaration(deps.db, ctx, id, 'read');
  const [indicators, rule, code, askedEntries] = await readAll(deps.db, [
    () => declarationRepo.findIndicators(deps.db, id),
    () => suggestionRule(deps.db),
    () => usageCodeOf(deps.db, declaration),
    () => repo.findLibraryEntriesById(deps.db, [...new Set(extraEntries)]),
  ]);
  const bound = indicators.filter((line) => line.libraryEntryId);
  const boundIds = new Set(bound.map((line) => line.libraryEntryId));
  const extra = askedEntries.filter((entry) => !boundIds.has(entry.id));
  const entries = [...new Set([...boundEntries(bound), ...extra.map((entry) => entry.id)])];
  const year = declaration.fiscalYear - 1;
  const [ranked, own] = await readAll(deps.db, [
    () => repo.rankedValues(deps.db, { entries, year, excludeProject: code }),
    () => repo.ownUses(deps.db, entries, year, code),
  ]);
  const distributions = distributionsOf(ranked);
  const ownOf = new Map(own.map((row) => [row.entry, row]));
  const lines = [
    ...bound.map((line) => ({
      indicatorId: line.id as string | null,
      entry: line.libraryEntryId as string,
      direction: line.direction,
      unit: line.unit,
    })),
    ...extra.map((entry) => ({ indicatorId: null, entry: entry.id, direction: entry.direction, unit: entry.unit })),
  ];
  const items = lines.map((line): IndicatorSuggestion => {
    const mine = ownOf.get(line.entry);
    const peerTargets = distributions.statistics(line.entry, year, 'target');
    const peerActuals = distributions.statistics(line.entry, year, 'actual');
    const suggestion = targets.suggestTarget(
      {
        direction: line.direction as Direction,
        unit: line.unit ?? undefined,
        lastYearTarget: decimal(mine?.target),
        lastYearActual: decimal(mine?.actual),
        peerTargets: [],
        peerTargetStatistics: peerTargets,
        peerActualStatistics: peerActuals,
      },
      rule,
    );
    return {
      indicatorId: line.indicatorId,
      libraryEntryId: line.entry,
      year,
      lastYearTarget: text(decimal(mine?.target)),
      lastYearActual: text(decimal(mine?.actual)),
      peerTargets: distributionOf(peerTargets) ?? null,
      peerActuals: distributionOf(peerActuals) ?? null,
      target: text(suggestion.target),
      bound: suggestion.bound ?? null,
      inputs: suggestion.inputs.map((input) => ({ source: input.source, value: formatDecimal(input.value) })),
      explanation: suggestion.explanation,
      explanationEn: suggestion.explanationEn,
    };
  });
  return { rule: { sources: [...rule.sources], minPeers: rule.minPeers }, items };
}
