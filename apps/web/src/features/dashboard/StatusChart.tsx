import { useMemo } from 'react';
import type { EvaluationStatus } from '../../api/types.ts';
import { EChart } from '../../components/EChart.tsx';
import type { ChartOption } from '../../components/echarts.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const COLOR: Readonly<Record<EvaluationStatus, string>> = {
  draft: '#bfbfbf',
  returned: '#cf1322',
  submitted: '#1677ff',
  department_approved: '#722ed1',
  finance_approved: '#13c2c2',
  published: '#389e0d',
};

export function StatusChart({ counts }: { counts: readonly { status: EvaluationStatus; count: number }[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const labels = counts.map((entry) => t(`status.${entry.status}`));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [
        {
          type: 'bar',
          name: t('dashboard.evaluations'),
          data: counts.map((entry) => ({ value: entry.count, itemStyle: { color: COLOR[entry.status] } })),
          label: { show: true, position: 'right' },
          barMaxWidth: 22,
        },
      ],
    };
  }, [counts, t]);
  return <EChart option={option} height={240} label={t('dashboard.chartLabel')} testId="status-chart" />;
}
