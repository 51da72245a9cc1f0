import type { DeclarationDetail } from '@jixiao/contract';
import { formatPoints, policy, type targets } from '@jixiao/core';
import { type DeclarationSheet, type SheetOpinion, writeDeclarationDocx, writeDeclarationXlsx } from '@jixiao/documents';
import type { Deps, RequestContext } from '../context.ts';
import * as repo from './declaration.repository.ts';
import { getDeclarationDetail } from './declaration.service.ts';
import { authoriseDeclaration } from './declaration-access.ts';

/** A declaration's rows as stored, live or frozen in a version's snapshot. */
export interface DeclarationRows {
  readonly declaration: Pick<
    repo.DeclarationRow,
    | 'kind'
    | 'fiscalYear'
    | 'status'
    | 'projectName'
    | 'projectCode'
    | 'department'
    | 'implementingUnit'
    | 'attribute'
    | 'periodStart'
    | 'periodEnd'
    | 'fundsTotalFen'
    | 'fundsFiscalFen'
    | 'fundsOtherFen'
    | 'overallGoal'
    | 'annualGoals'
  >;
  readonly indicators: readonly repo.DeclaredIndicatorRow[];
}

const STAGE: Readonly<Record<'department' | 'finance', string>> = { department: '部门审核', finance: '财政审核' };

const sheetOpinion = (opinion: DeclarationDetail['opinions'][number]): SheetOpinion => ({
  stageLabel: STAGE[opinion.stage],
  verdictLabel: opinion.verdictLabel,
  text: opinion.text,
  actorName: opinion.actorName,
});

/** The form to print from the rows; opinions (the internal copy) come from the presented detail. */
export function sheetOf(rows: DeclarationRows, approved: boolean, detail?: DeclarationDetail): DeclarationSheet {
  const { declaration } = rows;
  const perLine = new Map(detail?.indicators.map((line) => [line.id, line.opinions.map(sheetOpinion)]) ?? []);
  return {
    kind: declaration.kind,
    fiscalYear: declaration.fiscalYear,
    approved,
    statusLabel: policy.DECLARATION_STATUS_LABEL[declaration.status],
    projectName: declaration.projectName,
    projectCode: declaration.projectCode,
    department: declaration.department,
    implementingUnit: declaration.implementingUnit,
    attribute: declaration.attribute,
    periodStart: declaration.periodStart,
    periodEnd: declaration.periodEnd,
    funds: { totalFen: declaration.fundsTotalFen, fiscalFen: declaration.fundsFiscalFen, otherFen: declaration.fundsOtherFen },
    overallGoal: declaration.overallGoal,
    annualGoals: declaration.annualGoals.map((goal) => ({ text: goal.text })),
    indicators: [...rows.indicators]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({
        level1: line.level1 as DeclarationSheet['indicators'][number]['level1'],
        level2: line.level2 as DeclarationSheet['indicators'][number]['level2'],
        name: line.name,
        nature: line.nature,
        direction: line.direction as DeclarationSheet['indicators'][number]['direction'],
        target: line.target,
        targetText: line.targetText,
        unit: line.unit,
        basis: line.basis as targets.TargetBasis | null,
        basisText: line.basisText,
        dataSource: line.dataSource,
        method: line.method,
        evidence: line.evidence,
        lastYearActual: line.lastYearActual,
        core: line.core,
        scoringRule: line.scoringRule,
        weight: line.weight === null ? null : formatPoints(line.weight),
        opinions: perLine.get(line.id),
      })),
    internal: detail ? { opinions: detail.opinions.map(sheetOpinion) } : undefined,
  };
}

export type ExportFormat = 'xlsx' | 'docx';
export type ExportCopy = 'formal' | 'internal';

const TYPE: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * A declaration as the printed 申报表, for whoever may read it. The formal copy never carries the review
 * opinions, and only an approved declaration prints without the 草稿 note; the internal copy adds the
 * last round's opinions for the reviewers' files.
 */
export async function exportDeclaration(deps: Deps, ctx: RequestContext, id: string, format: ExportFormat, copy: ExportCopy) {
  const { declaration } = await authoriseDeclaration(deps.db, ctx, id, 'read');
  const indicators = await repo.findIndicators(deps.db, id);
  const detail = copy === 'internal' ? await getDeclarationDetail(deps, ctx, id) : undefined;
  const sheet = sheetOf({ declaration, indicators }, declaration.status === 'approved', detail);
  const bytes = format === 'xlsx' ? await writeDeclarationXlsx(sheet) : await writeDeclarationDocx(sheet);
  const name = declaration.projectName ?? declaration.department;
  const form = declaration.kind === 'project' ? '项目支出绩效目标申报表' : '部门整体支出绩效目标申报表';
  const marks = `${declaration.status === 'approved' ? '' : '（草稿）'}${copy === 'internal' ? '（内部审核稿）' : ''}`;
  return { bytes, type: TYPE[format], filename: `${declaration.fiscalYear}年度${name}${form}${marks}.${format}` };
}
