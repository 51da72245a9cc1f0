import type {
  MonitoringFormDetail,
  MonitoringFormSummary,
  MonitoringLight,
  MonitoringLightRow,
  MonitoringTaskSummary,
} from '@jixiao/contract';
import { control, formatYuan, fraction, monitoring } from '@jixiao/core';
import type { MonitoringIndicatorColumn } from '../db/schema.ts';
import type * as repo from './monitoring.repository.ts';

type FormListRow = Awaited<ReturnType<typeof repo.findForms>>[number];
type Lights = MonitoringTaskSummary['lights'];

/** "0.5833" (a share with four decimals, as the core's curves give it) as the percentage "58.33". */
export function sharePercent(share: string): string {
  const [whole = '0', fraction = ''] = share.split('.');
  const digits = fraction.padEnd(4, '0');
  return `${Number(whole) * 100 + Number(digits.slice(0, 2))}.${digits.slice(2, 4)}`;
}

export const emptyLights = (): Lights => ({ green: 0, yellow: 0, red: 0, blue: 0, none: 0 });

export function formSummaryOf(entry: FormListRow): MonitoringFormSummary {
  const { form } = entry;
  return {
    id: form.id,
    taskId: form.taskId,
    kind: form.kind,
    title: form.title,
    organisationId: form.organisationId,
    organisationName: entry.organisationName,
    departmentName: entry.organisationKind === 'department' ? entry.organisationName : (entry.departmentName ?? entry.organisationName),
    status: form.status,
    statusLabel: monitoring.MONITORING_FORM_STATUS_LABEL[form.status],
    light: form.light,
    updatedAt: form.updatedAt.toISOString(),
  };
}

export function taskSummaryOf(
  task: repo.TaskRow,
  issuedByName: string,
  forms: readonly Pick<repo.FormRow, 'status' | 'light'>[],
): MonitoringTaskSummary {
  const lights = emptyLights();
  for (const form of forms) lights[form.light] += 1;
  return {
    id: task.id,
    fiscalYear: task.fiscalYear,
    title: task.title,
    cutoffDate: task.cutoffDate,
    kind: task.kind,
    kindLabel: monitoring.MONITORING_TASK_KIND_LABEL[task.kind],
    deadline: task.deadline,
    targets: task.targets,
    targetOrganisationIds: task.targetOrganisationIds,
    ruleSetVersion: task.ruleSetVersion,
    issuedByName,
    issuedAt: task.issuedAt.toISOString(),
    formCount: forms.length,
    submittedCount: forms.filter((form) => !monitoring.isMonitoringFormEditable(form.status)).length,
    lights,
  };
}

const lightOf = (result: monitoring.LightResult): MonitoringLight => ({
  light: result.light,
  ...(result.ratio === undefined ? {} : { ratio: result.ratio }),
  ...(result.expected === undefined ? {} : { expected: result.expected }),
  ...(result.reason === undefined ? {} : { reason: result.reason }),
  rule: { ...result.rule },
  explanation: result.explanation,
  explanationEn: result.explanationEn,
  inputs: result.inputs.map((input) => ({ ...input })),
});

/** The stored assessment as the core's type (written by `assess`, read back as JSON). */
export const assessmentOf = (row: repo.FormRow): monitoring.ProjectAssessment | undefined =>
  row.assessment ? (row.assessment as unknown as monitoring.ProjectAssessment) : undefined;

/** The sentence of a form's worst light: the budget's when it is the worst, else the first indicator of that colour. */
export function worstExplanation(assessment: monitoring.ProjectAssessment | undefined): string | null {
  if (!assessment || assessment.light === 'none' || assessment.light === 'green') return null;
  if (assessment.budget.light === assessment.light) return assessment.budget.explanation;
  return assessment.indicators.find((entry) => entry.light === assessment.light)?.explanation ?? null;
}

export function lightRowOf(entry: FormListRow): MonitoringLightRow {
  const assessment = assessmentOf(entry.form);
  const indicatorLights = emptyLights();
  for (const indicator of assessment?.indicators ?? []) indicatorLights[indicator.light] += 1;
  const spent = entry.form.money.reduce((sum, row) => sum + row.spentFen, 0);
  const budget = entry.form.money.reduce((sum, row) => sum + row.adjustedFen, 0);
  return {
    ...formSummaryOf(entry),
    budgetLight: assessment?.budget.light ?? 'none',
    executionRate: budget > 0 ? control.percentText(fraction(BigInt(spent), BigInt(budget))) : null,
    timeProgress: assessment ? sharePercent(assessment.expected.atCutoff) : null,
    indicatorLights,
    worst: worstExplanation(assessment),
  };
}

export interface DetailParts {
  readonly entry: FormListRow;
  readonly indicators: readonly MonitoringIndicatorColumn[];
  readonly assessment: monitoring.ProjectAssessment;
  readonly rules: Pick<monitoring.MonitoringRuleSet, 'region' | 'version' | 'preset'>;
  readonly steps: Awaited<ReturnType<typeof repo.findSteps>>;
  readonly problems: readonly monitoring.FormProblem[];
  readonly permissions: MonitoringFormDetail['permissions'];
}

export function presentForm(parts: DetailParts): MonitoringFormDetail {
  const { entry, assessment } = parts;
  const { form, task } = entry;
  const byId = new Map(assessment.indicators.map((result) => [result.id, result]));
  const paidByMonth = Array.from({ length: 12 }, (_, month) => form.money.reduce((sum, row) => sum + (row.paidByMonthFen[month] ?? 0), 0));
  return {
    ...formSummaryOf(entry),
    version: form.version,
    fiscalYear: task.fiscalYear,
    cutoffDate: task.cutoffDate,
    deadline: task.deadline,
    taskKind: task.kind,
    declarationId: form.declarationId,
    projectId: form.projectId,
    money: form.money.map((row, index) => {
      const result = assessment.money[index];
      return {
        source: row.source,
        initial: formatYuan(row.initialFen),
        adjusted: formatYuan(row.adjustedFen),
        spent: formatYuan(row.spentFen),
        forecast: row.forecastFen === null ? null : formatYuan(row.forecastFen),
        executionRate: result?.executionRate ?? null,
        timeProgress: sharePercent(result?.expectedCurve.atCutoff ?? assessment.expected.atCutoff),
        light: lightOf(result ?? assessment.budget),
        budgetLineIds: row.budgetLineIds,
      };
    }),
    budget: {
      light: lightOf(assessment.budget),
      expected: { ...assessment.expected, byMonth: [...assessment.expected.byMonth], linear: [...assessment.expected.linear] },
      adjusted: formatYuan(form.money.reduce((sum, row) => sum + row.adjustedFen, 0)),
      paidByMonth: paidByMonth.map(formatYuan),
    },
    indicators: parts.indicators.map((row) => {
      const result = byId.get(row.indicatorId);
      return {
        ...row,
        computed: row.computed ?? null,
        reasons: row.reasons as MonitoringFormDetail['indicators'][number]['reasons'],
        light: result
          ? lightOf(result)
          : { light: 'none', rule: { code: '', preset: '', source: '' }, explanation: '', explanationEn: '', inputs: [] },
      };
    }),
    warnings: assessment.warnings.map((warning) => ({
      code: warning.code,
      subject: warning.subject,
      message: warning.message,
      messageEn: warning.messageEn,
    })),
    ruleSet: { region: parts.rules.region, version: parts.rules.version, preset: parts.rules.preset },
    ledger: { organisationId: form.organisationId, projectId: form.projectId, fiscalYear: task.fiscalYear },
    rectificationId: form.rectificationId,
    steps: parts.steps.map(({ step, actorName }) => ({
      action: step.action,
      actionLabel: monitoring.MONITORING_FORM_ACTION_LABEL[step.action as monitoring.MonitoringFormAction | 'issue'] ?? step.action,
      stage: step.stage,
      toStatus: step.toStatus as monitoring.MonitoringFormStatus,
      actorName,
      opinion: step.opinion,
      at: step.at.toISOString(),
    })),
    problems: parts.problems.map((problem) => ({ index: problem.index ?? null, field: problem.field, message: problem.message })),
    permissions: parts.permissions,
  };
}
