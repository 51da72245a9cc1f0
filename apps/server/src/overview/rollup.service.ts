import type { EvaluationRollup, RollupAggregate } from '@jixiao/contract';
import { formatPoints, overview } from '@jixiao/core';
import type { Deps, RequestContext } from '../context.ts';
import { notFound, validationFailed } from '../errors.ts';
import { authorise } from '../evaluations/evaluation-access.ts';
import * as repo from './overview.repository.ts';
import { anomalyInput, handedIn, type Loaded, scoreHandedIn } from './overview.service.ts';

const aggregateOf = (entries: readonly overview.WeightedEntry[]): RollupAggregate => {
  const result = overview.budgetWeightedScore(entries);
  return { ...result, score: result.score === undefined ? null : formatPoints(result.score) };
};

/**
 * 汇总 of a department's overall evaluation (docs/finance-bureau.md "Roll-up"): every evaluation of the
 * year below the department, units' overall ones and projects, with their self-scores and budgets and
 * budget-weighted aggregates. Whoever may read the department's evaluation holds a role at it or above,
 * so everything below is theirs to read too. Scores are read only from handed-in evaluations, as on the
 * overview; drafts are listed without one.
 */
export async function getRollup(deps: Deps, ctx: RequestContext, evaluationId: string): Promise<EvaluationRollup> {
  const { evaluation } = await authorise(deps.db, ctx, evaluationId, 'read');
  if (evaluation.kind !== 'department') {
    throw validationFailed(
      [{ path: 'params.id', message: '这是项目支出绩效自评，没有下属单位和项目可汇总' }],
      '汇总只适用于部门整体支出绩效自评',
    );
  }
  const scope = [evaluation.organisationId];
  const year = evaluation.fiscalYear;
  const [organisations, rows, parts] = await Promise.all([
    repo.findScopedOrganisations(deps.db, scope),
    repo.findYearEvaluations(deps.db, scope, year),
    repo.findYearParts(deps.db, scope, year),
  ]);
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const root = byId.get(evaluation.organisationId);
  if (!root) throw notFound('自评所属单位');
  const childCount = new Map<string, number>();
  for (const organisation of organisations)
    if (organisation.parentId && organisation.kind === 'unit')
      childCount.set(organisation.parentId, (childCount.get(organisation.parentId) ?? 0) + 1);
  const entries: Loaded[] = rows.flatMap((row) => {
    const unit = byId.get(row.evaluation.organisationId);
    return unit ? [{ row, department: root, unit, name: row.projectName ?? `${unit.name}部门整体支出` }] : [];
  });
  const scored = await scoreHandedIn(
    deps,
    // The department's own evaluation is scored whatever its state: it is the one on the reader's screen.
    entries.filter(({ row }) => handedIn(row.evaluation.status) || row.evaluation.id === evaluation.id),
    parts,
    childCount,
    byId,
  );
  const view = ({ row }: Loaded) => {
    const found = scored.get(row.evaluation.id);
    const input = found ? anomalyInput(found.scored, found.aggregate) : undefined;
    return {
      evaluationId: row.evaluation.id,
      status: row.evaluation.status,
      score: input?.selfScore ?? null,
      budgetFen: input?.adjustedFen ?? row.evaluation.adjustedFen,
    };
  };
  const shown = (entry: ReturnType<typeof view>) => ({
    evaluationId: entry.evaluationId,
    status: entry.status,
    selfScore: entry.score === null ? null : formatPoints(entry.score),
    budgetFen: entry.budgetFen,
  });

  const threshold = deps.config.JIXIAO_ROLLUP_KEY_PROJECT_YUAN * 100;
  // Each evaluation's weighted figures, computed once: the lists and the aggregates read the same ones.
  const figures = new Map(entries.map((entry) => [entry.row.evaluation.id, view(entry)]));
  const figuresOf = (entry: Loaded) => figures.get(entry.row.evaluation.id) ?? view(entry);
  const projectEntries = entries
    .filter(({ row }) => row.evaluation.kind === 'project')
    .sort((a, b) => figuresOf(b).budgetFen - figuresOf(a).budgetFen || (a.row.projectCode ?? '').localeCompare(b.row.projectCode ?? ''));
  const isKey = (entry: Loaded) => overview.isKeyProject(figuresOf(entry).budgetFen, threshold);
  const unitOverall = (unitId: string) =>
    entries.find(({ row }) => row.evaluation.kind === 'department' && row.evaluation.organisationId === unitId);
  const units = organisations.filter((organisation) => organisation.id !== root.id && organisation.kind === 'unit');
  const ownScore = figures.get(evaluation.id)?.score ?? null;
  return {
    evaluationId: evaluation.id,
    fiscalYear: year,
    organisationName: root.name,
    officialScore: ownScore === null ? null : formatPoints(ownScore),
    keyProjectFromFen: threshold,
    units: units.map((unit) => {
      const overall = unitOverall(unit.id);
      const its = projectEntries.filter((entry) => entry.unit.id === unit.id);
      return {
        organisationId: unit.id,
        name: unit.name,
        overall: overall ? shown(figuresOf(overall)) : null,
        projectCount: its.length,
        projects: aggregateOf(its.map(figuresOf)),
      };
    }),
    projects: projectEntries.map((entry) => ({
      ...shown(figuresOf(entry)),
      name: entry.name,
      code: entry.row.projectCode ?? '',
      unitName: entry.unit.name,
      key: isKey(entry),
    })),
    aggregate: {
      projects: aggregateOf(projectEntries.map(figuresOf)),
      keyProjects: aggregateOf(projectEntries.filter(isKey).map(figuresOf)),
      units: aggregateOf(
        units.flatMap((unit) => {
          const overall = unitOverall(unit.id);
          return overall ? [figuresOf(overall)] : [];
        }),
      ),
    },
  };
}
