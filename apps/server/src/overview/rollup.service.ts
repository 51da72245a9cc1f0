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
  const own = entries.find(({ row }) => row.evaluation.id === evaluation.id);
  const projectEntries = entries.filter(({ row }) => row.evaluation.kind === 'project');
  const projects = projectEntries
    .map((entry) => {
      const figures = view(entry);
      return {
        ...shown(figures),
        name: entry.name,
        code: entry.row.projectCode ?? '',
        unitName: entry.unit.name,
        key: overview.isKeyProject(figures.budgetFen, threshold),
        weighted: figures,
        unitId: entry.unit.id,
      };
    })
    .sort((a, b) => b.budgetFen - a.budgetFen || a.code.localeCompare(b.code));
  const units = organisations
    .filter((organisation) => organisation.id !== root.id && organisation.kind === 'unit')
    .map((unit) => {
      const overall = entries.find(({ row }) => row.evaluation.kind === 'department' && row.evaluation.organisationId === unit.id);
      const its = projects.filter((project) => project.unitId === unit.id);
      return {
        organisationId: unit.id,
        name: unit.name,
        overall: overall ? shown(view(overall)) : null,
        overallWeighted: overall ? view(overall) : null,
        projectCount: its.length,
        projects: aggregateOf(its.map((project) => project.weighted)),
      };
    });
  const ownFigures = own ? view(own) : undefined;
  return {
    evaluationId: evaluation.id,
    fiscalYear: year,
    organisationName: root.name,
    officialScore: ownFigures?.score == null ? null : formatPoints(ownFigures.score),
    keyProjectFromFen: threshold,
    units: units.map(({ overallWeighted: _, ...unit }) => unit),
    projects: projects.map(({ weighted: _, unitId: __, ...project }) => project),
    aggregate: {
      projects: aggregateOf(projects.map((project) => project.weighted)),
      keyProjects: aggregateOf(projects.filter((project) => project.key).map((project) => project.weighted)),
      units: aggregateOf(units.flatMap((unit) => (unit.overallWeighted ? [unit.overallWeighted] : []))),
    },
  };
}
