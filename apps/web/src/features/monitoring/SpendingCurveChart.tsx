import type { MonitoringFormDetail } from '@jixiao/contract';
import { useMemo } from 'react';
import { EChart } from '../../components/EChart.tsx';
import type { ChartOption } from '../../components/echarts.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paidShares, sharePoint } from './monitoring-form.ts';

/**
 * 预期支出进度: the expected curve the light used (用款计划 or an indicator's profile) and the straight
 * 序时进度 (month ÷ 12) beside the actual cumulative payments, each as a share of the 调整预算数.
 */
export function SpendingCurveChart({ form }: { form: MonitoringFormDetail }) {
  const { t } = useI18n();
  const cutoffMonth = Number(form.cutoffDate.slice(5, 7));
  const option = useMemo<ChartOption>(() => {
    const { expected, paidByMonth, adjusted } = form.budget;
    const months = Array.from({ length: 12 }, (_, index) => t('monitoring.month', { month: index + 1 }));
    const series: NonNullable<ChartOption['series']> = [
      {
        type: 'line',
        name: t('monitoring.chart.actual'),
        data: paidShares(paidByMonth, adjusted, cutoffMonth),
        itemStyle: { color: '#cf1322' },
        lineStyle: { width: 3 },
      },
      {
        type: 'line',
        name: t('monitoring.chart.linear'),
        data: expected.linear.map(sharePoint),
        itemStyle: { color: '#8c8c8c' },
        lineStyle: { type: 'dashed' },
        symbol: 'none',
      },
    ];
    if (expected.curve !== 'linear')
      series.push({
        type: 'line',
        name: t(`monitoring.chart.${expected.curve}`),
        data: expected.byMonth.map(sharePoint),
        itemStyle: { color: '#1677ff' },
      });
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? `${value.toFixed(2)}%` : '—') },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series,
    };
  }, [form.budget, cutoffMonth, t]);
  return <EChart option={option} height={260} label={t('monitoring.chart.title')} testId="monitoring-chart" />;
}
