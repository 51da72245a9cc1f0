import { LEVEL1_LABEL, LEVEL2_LABEL, type Level1, type Level2 } from '@jixiao/core';
import { renderSelfEvaluationHtml, writeSelfEvaluationXlsx } from '@jixiao/documents';
import type { Deps } from '../context.ts';
import type { PdfRenderer } from '../reports/pdf.ts';
import { publicUrl } from '../reports/publish.ts';
import { standalonePage } from '../reports/report.service.ts';
import { publishedRereviews } from '../rereview/rereview.service.ts';
import { type ApprovedIndicator, approvedTargetsFor } from '../targets/approved-targets.ts';
import * as repo from './public.repository.ts';
import { type DepartmentPage, departmentPage, indexPage, type PublicTargets, reportPage } from './public-pages.ts';

/** Which report a public address names: a department's year, and a project code or '' for the department's own. */
export interface PublicAddress {
  readonly organisation: string;
  readonly year: number;
  readonly projectCode: string;
}

/** The longest search text taken from the address bar; the rest is ignored. */
const MAX_QUERY = 100;

/** A year as typed in an address: four digits between 2000 and 2100, or nothing. */
export function parseYear(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : undefined;
}

export async function listPublishedReports(deps: Deps, filter: repo.PublishedFilter = {}) {
  return {
    items: (await repo.findPublished(deps.db, filter)).map((row) => ({
      url: publicUrl(row.organisationCode, row.fiscalYear, row.projectCode),
      organisationName: row.organisationName,
      organisationCode: row.organisationCode,
      fiscalYear: row.fiscalYear,
      kind: row.kind,
      projectCode: row.projectCode,
      title: row.title,
      total: row.total,
      grade: row.grade,
      publishedAt: row.publishedAt.toISOString(),
    })),
  };
}

/** The index, filtered by `?q=` (literal text) and `?year=`; a year that is no year is said so and ignored. */
export async function publicIndexPage(deps: Deps, query: { q?: unknown; year?: unknown }): Promise<string> {
  const q = typeof query.q === 'string' ? query.q.trim().slice(0, MAX_QUERY) : '';
  const yearText = typeof query.year === 'string' ? query.year.trim() : '';
  const year = parseYear(yearText);
  const rows = await repo.findPublished(deps.db, { q, year });
  const years = await repo.findPublishedYears(deps.db);
  return indexPage(rows, { q, year, yearRefused: yearText !== '' && year === undefined ? yearText : undefined, years });
}

async function published(deps: Deps, address: PublicAddress) {
  return repo.getPublished(deps.db, address.organisation, address.year, address.projectCode);
}

/** The report page, or undefined when nothing is published at the address (or it was withdrawn). */
export async function publicReportPage(deps: Deps, address: PublicAddress): Promise<string | undefined> {
  const row = await published(deps, address);
  if (!row) return undefined;
  const setting = await repo.findDepartmentSetting(deps.db, row.report.evaluationId);
  const phone = setting?.showPreparerPhone && row.figures?.preparerPhone ? row.figures.preparerPhone : null;
  const organisation = await repo.findOrganisationByCode(deps.db, row.report.organisationCode);
  const department =
    organisation?.kind === 'unit' && organisation.parentId ? await departmentOf(deps, organisation.parentId) : organisation;
  return reportPage(row.report, {
    phone,
    hasTables: row.figures !== null,
    department: department ? { code: department.code, name: department.name } : null,
  });
}

async function departmentOf(deps: Deps, id: string) {
  const department = await repo.findOrganisationById(deps.db, id);
  return department ? { code: department.code, name: department.name } : undefined;
}

export async function publicDocx(deps: Deps, address: PublicAddress) {
  const row = await published(deps, address);
  if (!row) return undefined;
  return { bytes: row.report.docx, filename: `${row.report.organisationName}${row.report.fiscalYear}年度${row.report.title}.docx` };
}

/** The PDF is printed by Chromium on first download and kept with the report. */
export async function publicPdf(deps: Deps, pdf: PdfRenderer, address: PublicAddress) {
  const row = await published(deps, address);
  if (!row) return undefined;
  const bytes = row.report.pdf ?? (await pdf.render(standalonePage(row.report.title, row.report.html)));
  if (!row.report.pdf) await repo.savePdf(deps.db, row.report.id, bytes);
  return { bytes, filename: `${row.report.organisationName}${row.report.fiscalYear}年度${row.report.title}.pdf` };
}

/** 部门整体 / 项目支出绩效自评表 as .xlsx, from the table frozen at publication. */
export async function publicSelfEvaluationXlsx(deps: Deps, address: PublicAddress) {
  const row = await published(deps, address);
  if (!row?.figures) return undefined;
  const table = row.figures.selfEvaluation;
  const name = table.projectName ?? table.organisation;
  return { bytes: await writeSelfEvaluationXlsx(table), filename: `${name}${table.fiscalYear}年度${table.title}.xlsx` };
}

/**
 * The same 自评表 as PDF, printed by Chromium from the table frozen at publication (the same layout as the
 * .xlsx). Printed on each download: the frozen table makes every print the same.
 */
export async function publicSelfEvaluationPdf(deps: Deps, pdf: PdfRenderer, address: PublicAddress) {
  const row = await published(deps, address);
  if (!row?.figures) return undefined;
  const table = row.figures.selfEvaluation;
  const name = table.projectName ?? table.organisation;
  return { bytes: await pdf.render(renderSelfEvaluationHtml(table)), filename: `${name}${table.fiscalYear}年度${table.title}.pdf` };
}

/**
 * A department's (or a unit's) public page: per year its published evaluations with their score charts,
 * the approved targets (绩效目标公开: the latest approved version, adjusted values beside the originals) and
 * the finance bureau's published re-review results. Only what was published or approved is read.
 */
export async function publicDepartmentPage(deps: Deps, code: string): Promise<string | undefined> {
  const organisation = await repo.findOrganisationByCode(deps.db, code);
  if (!organisation) return undefined;
  const units = organisation.kind === 'department' ? await repo.findUnits(deps.db, organisation.id) : [];
  const ids = [organisation.id, ...units.map((unit) => unit.id)];
  const reports = await repo.findPublishedOf(deps.db, ids);
  const targets = await approvedTargetsOf(deps, ids);
  const rereviews = await rereviewsOf(deps, ids);
  const years = [
    ...new Set([...reports.map((r) => r.fiscalYear), ...targets.map((t) => t.fiscalYear), ...rereviews.map((r) => r.fiscalYear)]),
  ].sort((a, b) => b - a);
  const parent = organisation.kind === 'unit' && organisation.parentId ? await departmentOf(deps, organisation.parentId) : undefined;
  const page: DepartmentPage = {
    name: organisation.name,
    code: organisation.code,
    kind: organisation.kind === 'unit' ? 'unit' : 'department',
    parent: parent ?? null,
    units: units.map((unit) => ({ code: unit.code, name: unit.name })),
    years: years.map((year) => ({
      year,
      reports: reports
        .filter((report) => report.fiscalYear === year)
        .map((report) => ({
          title: report.title,
          organisationName: report.organisationName,
          total: report.total,
          grade: report.grade,
          publishedOn: report.publishedAt.toISOString().slice(0, 10),
          url: publicUrl(report.organisationCode, report.fiscalYear, report.projectCode),
          parts: report.selfEvaluation?.parts ?? null,
        })),
      targets: targets.filter((entry) => entry.fiscalYear === year),
      rereviews: rereviews.filter((entry) => entry.fiscalYear === year),
    })),
  };
  return departmentPage(page);
}

const SYMBOL: Readonly<Record<string, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** 指标值 as the declaration worded it, or built from its direction, number and unit. */
function targetText(line: { direction: string; target: string | null; targetText: string | null; unit: string | null }): string {
  if (line.targetText?.trim()) return line.targetText.trim();
  if (line.target === null) return '—';
  return `${SYMBOL[line.direction] ?? ''}${line.target}${line.unit ?? ''}`;
}

function levelLabel<T extends string>(labels: Readonly<Record<T, string>>, code: string): string {
  return (labels as Readonly<Record<string, string>>)[code] ?? code;
}

function presentIndicator(line: ApprovedIndicator) {
  return {
    level1: levelLabel<Level1>(LEVEL1_LABEL, line.level1),
    level2: levelLabel<Level2>(LEVEL2_LABEL, line.level2),
    name: line.name,
    value: targetText(line),
    original: line.original ? targetText({ ...line, target: line.original.target, targetText: line.original.targetText }) : null,
    adjustedOn: line.adjusted ? line.adjusted.approvedAt.slice(0, 10) : null,
    reason: line.adjusted?.reason ?? null,
  };
}

async function approvedTargetsOf(deps: Deps, organisationIds: readonly string[]): Promise<(PublicTargets & { fiscalYear: number })[]> {
  const declarations = await repo.findApprovedDeclarations(deps.db, organisationIds);
  const result: (PublicTargets & { fiscalYear: number })[] = [];
  for (const declaration of declarations) {
    const approved = await approvedTargetsFor(
      deps.db,
      declaration.kind === 'project' && declaration.projectId
        ? { projectId: declaration.projectId }
        : { organisationId: declaration.organisationId, fiscalYear: declaration.fiscalYear },
    );
    if (!approved) continue;
    result.push({
      fiscalYear: declaration.fiscalYear,
      title: declaration.kind === 'department' ? '部门整体支出绩效目标' : `${declaration.projectName ?? ''} 项目支出绩效目标`,
      unit: declaration.implementingUnit,
      version: approved.version,
      overallGoal: approved.overallGoal,
      goals: approved.goals.map((goal) => goal.text),
      indicators: approved.indicators.map(presentIndicator),
    });
  }
  return result;
}

async function rereviewsOf(deps: Deps, organisationIds: readonly string[]) {
  const evaluations = await repo.findEvaluationsOf(deps.db, organisationIds);
  const ours = new Set(evaluations.map((evaluation) => evaluation.id));
  const years = [...new Set(evaluations.map((evaluation) => evaluation.fiscalYear))];
  const rounds = [];
  for (const year of years) {
    for (const round of await publishedRereviews(deps.db, year)) {
      const results = round.results
        .filter((result) => ours.has(result.evaluationId) && result.rereviewTotal !== null)
        .map((result) => ({
          name: result.name,
          selfTotal: result.selfTotal,
          rereviewTotal: result.rereviewTotal,
          deviation: result.deviation,
          opinion: result.opinion,
        }));
      if (results.length > 0) rounds.push({ fiscalYear: round.fiscalYear, title: round.title, publishedOn: round.publishedOn, results });
    }
  }
  return rounds;
}
