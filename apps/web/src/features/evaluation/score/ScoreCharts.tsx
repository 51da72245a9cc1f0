import { Col, Row } from 'antd';
import { useMemo } from 'react';
import type { EvaluationDetail, ScorePart } from '../../../api/types.ts';
import { EChart } from '../../../components/EChart.tsx';
import { type ChartOption, chartValue } from '../../../components/echarts.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { moneyAxisLabel } from '../../../lib/chart-axis.ts';
import { executionRatePercent, formatMoney } from '../../../lib/money.ts';

/** Each part's final score against its weight (产出 / 效益 / 满意度 / 预算执行率 / 管理效率). */
function PartsChart({ parts }: { parts: readonly ScorePart[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('score.final'), t('indicator.weight')], bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: parts.map((part) => t(`part.${part.key}`)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          name: t('score.final'),
          data: parts.map((part) => chartValue(part.final)),
          label: { show: true, position: 'top' },
          itemStyle: { color: '#1f4e99' },
          barMaxWidth: 28,
        },
        {
          type: 'bar',
          name: t('indicator.weight'),
          data: parts.map((part) => chartValue(part.weight)),
          itemStyle: { color: '#d9d9d9' },
          barMaxWidth: 28,
        },
      ],
    }),
    [parts, t],
  );
  return <EChart option={option} label={t('score.partsChart')} testId="parts-chart" />;
}

/** Budget against spending, with the execution rate (全年预算数 vs 全年执行数). */

function ExecutionChart({ budget }: { budget: EvaluationDetail['budget'] }) {
  const { t, locale } = useI18n();
  const rate = executionRatePercent(budget.executed, budget.adjusted);
  const figures = useMemo(() => [budget.initial, budget.carryOver, budget.adjusted, budget.executed], [budget]);
  const option = useMemo<ChartOption>(
    () => ({
      // The tooltip shows the API's own strings, not the bar heights converted back.
      tooltip: { trigger: 'axis', valueFormatter: (_value, index) => `${formatMoney(figures[index] ?? '')} ${t('common.yuan')}` },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: [t('budget.initial'), t('budget.carryOver'), t('budget.adjusted'), t('budget.executed')],
        axisLabel: { interval: 0, width: 90, overflow: 'break' },
      },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (value: number) => moneyAxisLabel(value, locale) },
      },
      series: [
        {
          type: 'bar',
          name: t('common.yuan'),
          data: figures.map((value, index) => ({
            value: chartValue(value),
            itemStyle: { color: index === 3 ? '#389e0d' : '#1f4e99' },
          })),
          barMaxWidth: 36,
          label: {
            show: true,
            position: 'top',
            formatter: ({ dataIndex }: { dataIndex: number }) => (dataIndex === 3 && rate ? `${t('budget.rate')} ${rate}` : ''),
          },
        },
      ],
    }),
    [figures, locale, rate, t],
  );
  return <EChart option={option} label={t('score.executionChart', { rate: rate ?? '—' })} testId="execution-chart" />;
}

export function ScoreCharts({ parts, budget }: { parts: readonly ScorePart[]; budget: EvaluationDetail['budget'] }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <PartsChart parts={parts} />
      </Col>
      <Col xs={24} lg={12}>
        <ExecutionChart budget={budget} />
      </Col>
    </Row>
  );
}
