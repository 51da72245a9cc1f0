import type { MonthProgressView } from '@jixiao/contract';
import { Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../../components/EChart.tsx';
import type { ChartOption } from '../../../components/echarts.ts';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { AXIS_UNIT, moneyAxisLabel } from '../../../lib/chart-axis.ts';
import { formatMoney } from '../../../lib/money.ts';
import { monthlyBars, progressLines } from './ledger-series.ts';

const BLUE = '#1f4e99';
const WARNING = '#d4380d';
const GREY = '#8c8c8c';
const GREEN = '#389e0d';

interface Props {
  readonly monthly: readonly MonthProgressView[];
  /** 12月支付占全年支付比例, as the ledger computes it ("30.77"), for the caption. */
  readonly decemberShare: string | null;
}

/**
 * Two views of the year's spending: each month's payments against the 用款计划 (months paid above
 * plan in orange, so a 年末突击支付 stands out), and cumulative 支出进度 against 序时进度 (m/12) and
 * the plan, with the steepest month-on-month rise labelled.
 */
export function LedgerCharts({ monthly, decemberShare }: Props) {
  const { t, locale } = useI18n();
  // Twelve month labels do not fit a phone's width: every other one there.
  const labelInterval = useIsPhone() ? 1 : 0;
  const bars = useMemo(() => monthlyBars(monthly), [monthly]);
  const lines = useMemo(() => progressLines(monthly), [monthly]);
  const months = monthly.map((month) => t('ledger.month', { month: month.month }));
  const unit = AXIS_UNIT[locale];

  const monthlyOption = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        // The API's own strings, not the bar heights converted back.
        valueFormatter: (_value, index) => `${formatMoney(bars.paid[index]?.text ?? '')} ${t('common.yuan')}`,
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const index = list[0]?.dataIndex ?? 0;
          return [
            months[index] ?? '',
            `${t('ledger.paid')}：${formatMoney(bars.paid[index]?.text ?? '')} ${t('common.yuan')}`,
            `${t('ledger.planned')}：${formatMoney(bars.planned[index]?.text ?? '')} ${t('common.yuan')}`,
          ].join('<br/>');
        },
      },
      legend: { data: [t('ledger.paid'), t('ledger.planned')], bottom: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: months, axisLabel: { interval: labelInterval, fontSize: 11 } },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => moneyAxisLabel(value, locale) } },
      series: [
        {
          type: 'bar',
          name: t('ledger.paid'),
          barMaxWidth: 26,
          itemStyle: { color: BLUE },
          data: bars.paid.map((bar) => ({
            value: bar.value,
            itemStyle: { color: bar.abovePlan ? WARNING : BLUE },
            label:
              bar.month === bars.peakMonth
                ? { show: true, position: 'top', color: WARNING, formatter: `${Math.round(bar.value / unit.divisor)}${unit.suffix}` }
                : { show: false },
          })),
        },
        {
          type: 'line',
          name: t('ledger.planned'),
          step: 'middle',
          symbol: 'none',
          lineStyle: { color: GREY, type: 'dashed', width: 2 },
          itemStyle: { color: GREY },
          data: bars.planned.map((bar) => bar.value),
        },
      ],
    }),
    [bars, labelInterval, months, t, unit, locale],
  );

  const progressOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? `${value.toFixed(2)}%` : '—') },
      legend: { data: [t('ledger.spendingProgress'), t('ledger.timeProgress'), t('ledger.planProgress')], bottom: 0 },
      grid: { left: 8, right: 24, top: 28, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { interval: labelInterval, fontSize: 11 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('ledger.spendingProgress'),
          lineStyle: { color: BLUE, width: 3 },
          itemStyle: { color: BLUE },
          areaStyle: { color: 'rgba(31, 78, 153, 0.08)' },
          data: lines.spending.map((value, index) => ({
            value: value ?? '-',
            label:
              lines.steepest && index === lines.steepest.month - 1
                ? {
                    show: true,
                    position: 'left',
                    color: WARNING,
                    fontWeight: 'bold',
                    formatter: t('ledger.steepest', { month: lines.steepest.month, points: lines.steepest.points }),
                  }
                : { show: false },
            itemStyle: lines.steepest && index === lines.steepest.month - 1 ? { color: WARNING } : undefined,
          })),
        },
        {
          type: 'line',
          name: t('ledger.timeProgress'),
          symbol: 'none',
          lineStyle: { color: GREY, type: 'dashed', width: 2 },
          itemStyle: { color: GREY },
          data: [...lines.time],
        },
        {
          type: 'line',
          name: t('ledger.planProgress'),
          symbol: 'none',
          lineStyle: { color: GREEN, type: 'dotted', width: 2 },
          itemStyle: { color: GREEN },
          data: lines.plan.map((value) => value ?? '-'),
        },
      ],
    }),
    [labelInterval, lines, months, t],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{t('ledger.monthlyChart')}</Typography.Text>
        <EChart option={monthlyOption} label={t('ledger.monthlyChart')} testId="ledger-monthly-chart" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ledger.rushHint', { share: decemberShare ?? '—' })}
        </Typography.Text>
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{t('ledger.progressChart')}</Typography.Text>
        <EChart option={progressOption} label={t('ledger.progressChart')} testId="ledger-progress-chart" />
        {lines.steepest && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ledger.steepest', { month: lines.steepest.month, points: lines.steepest.points })}
          </Typography.Text>
        )}
      </Col>
    </Row>
  );
}
