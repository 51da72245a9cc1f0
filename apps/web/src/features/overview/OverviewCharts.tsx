import type { Overview } from '@jixiao/contract';
import { useMemo } from 'react';
import type { EvaluationStatus } from '../../api/types.ts';
import { EChart } from '../../components/EChart.tsx';
import type { ChartOption } from '../../components/echarts.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const STATUSES: readonly EvaluationStatus[] = ['draft', 'returned', 'submitted', 'department_approved', 'finance_approved', 'published'];
const STATUS_COLOR: Readonly<Record<EvaluationStatus, string>> = {
  draft: '#bfbfbf',
  returned: '#cf1322',
  submitted: '#1677ff',
  department_approved: '#722ed1',
  finance_approved: '#13c2c2',
  published: '#389e0d',
};
const GRADES = ['优', '良', '中', '差'] as const;
const GRADE_RANGE: Readonly<Record<(typeof GRADES)[number], string>> = { 优: '≥ 90', 良: '80–90', 中: '60–80', 差: '< 60' };
const GRADE_COLOR = ['#389e0d', '#1677ff', '#faad14', '#cf1322'];

/** Submission progress: one stacked bar per department, one segment per workflow status. */
export function ProgressChart({ departments }: { departments: Overview['departments'] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: departments.map((d) => d.name), inverse: true },
      series: STATUSES.map((status) => ({
        type: 'bar',
        stack: 'progress',
        name: t(`status.${status}`),
        itemStyle: { color: STATUS_COLOR[status] },
        data: departments.map((d) => d.progress[status]),
        barMaxWidth: 22,
      })),
    }),
    [departments, t],
  );
  return (
    <EChart
      option={option}
      height={Math.max(200, 60 + 32 * departments.length)}
      label={t('overview.progress')}
      testId="overview-progress"
    />
  );
}

export function DistributionChart({ distribution }: { distribution: Overview['distribution'] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: GRADES.map((grade) => t('overview.grade', { grade, range: GRADE_RANGE[grade] })) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('overview.distribution'),
          data: GRADES.map((grade, index) => ({ value: distribution[grade], itemStyle: { color: GRADE_COLOR[index] } })),
          label: { show: true, position: 'top' },
          barMaxWidth: 40,
        },
      ],
    }),
    [distribution, t],
  );
  return <EChart option={option} height={240} label={t('overview.distribution')} testId="overview-distribution" />;
}

/** Execution rate against self-score; high score with low spending in red. Integers from the API, divided for display only. */
export function ScatterChart({ points }: { points: Overview['points'] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const series = (flagged: boolean) => ({
      type: 'scatter' as const,
      name: flagged ? t('overview.scatterFlagged') : t('overview.scatterNormal'),
      itemStyle: { color: flagged ? '#cf1322' : '#1677ff' },
      symbolSize: flagged ? 14 : 10,
      data: points
        .filter((point) => point.highScoreLowSpending === flagged)
        .map((point) => ({ value: [point.executionBasisPoints / 100, point.selfScore / 100], name: point.name })),
    });
    return {
      tooltip: { trigger: 'item' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: t('overview.scatterX'), min: 0, max: 100 },
      yAxis: { type: 'value', name: t('overview.scatterY'), min: 0, max: 100 },
      series: [series(false), series(true)],
    };
  }, [points, t]);
  return <EChart option={option} height={300} label={t('overview.scatter')} testId="overview-scatter" />;
}
