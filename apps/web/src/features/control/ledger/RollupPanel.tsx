import { Empty, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useLedgerRollup } from '../../../api/control-queries.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { EChart } from '../../../components/EChart.tsx';
import { type ChartOption, chartValue } from '../../../components/echarts.ts';
import { Money, moneyColumn } from '../../../components/Money.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { moneyAxisLabel } from '../../../lib/chart-axis.ts';
import { formatMoney } from '../../../lib/money.ts';
import { type RollupUnit, rollupMatrix } from './rollup.ts';

const PALETTE = ['#1f4e99', '#389e0d', '#d48806', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c', '#a0d911'];
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

/** 各单位按月支付: every unit the user oversees, month by month, stacked; the table gives the exact figures. */
export function RollupPanel({ fiscalYear }: { fiscalYear: number }) {
  const { t, locale } = useI18n();
  const rollup = useLedgerRollup(fiscalYear);
  const matrix = useMemo(() => rollupMatrix(rollup.data?.rows ?? []), [rollup.data]);
  const monthLabels = MONTHS.map((month) => t('ledger.month', { month }));

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? `${(value / 10_000).toFixed(2)} 万` : '—') },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: monthLabels, axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => moneyAxisLabel(value, locale) } },
      series: matrix.units.map((unit, index) => ({
        type: 'bar',
        name: unit.organisationName,
        stack: 'paid',
        barMaxWidth: 32,
        itemStyle: { color: PALETTE[index % PALETTE.length] },
        data: unit.months.map(chartValue),
      })),
    }),
    [matrix, monthLabels, locale],
  );

  if (rollup.error) return <ApiErrorAlert error={rollup.error} onRetry={rollup.refetch} />;
  if (!rollup.isFetching && matrix.units.length === 0) return <Empty description={t('rollup.empty')} />;
  return (
    <>
      <Typography.Text strong>{t('rollup.title', { year: fiscalYear })}</Typography.Text>
      <EChart option={option} label={t('rollup.title', { year: fiscalYear })} height={320} testId="rollup-chart" />
      <Table<RollupUnit>
        size="small"
        rowKey="organisationId"
        loading={rollup.isFetching}
        dataSource={[...matrix.units]}
        pagination={false}
        scroll={{ x: 1700 }}
        data-testid="rollup-table"
        columns={[
          { title: t('rollup.unit'), dataIndex: 'organisationName', width: 220, fixed: 'left' },
          ...MONTHS.map((month) => ({
            title: monthLabels[month - 1],
            key: `m${month}`,
            width: 110,
            align: 'right' as const,
            render: (_value: unknown, unit: RollupUnit) => <Money value={unit.months[month - 1]} />,
          })),
          moneyColumn(t('rollup.total'), 'total', 140),
          {
            title: t('rollup.decemberShare'),
            dataIndex: 'decemberShare',
            width: 100,
            align: 'right',
            render: (value: string | null) => (value === null ? '—' : `${value}%`),
          },
        ]}
        summary={() =>
          matrix.units.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('rollup.total')}</Table.Summary.Cell>
              {matrix.monthTotals.map((value, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the twelve months are fixed positions
                <Table.Summary.Cell key={index} index={index + 1} align="right">
                  {formatMoney(value)}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={13} align="right">
                {formatMoney(matrix.total)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={14} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
