import type { LibraryHistory } from '@jixiao/contract';
import { Button, Card, Descriptions, Drawer, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { type LibraryRow, useLibraryHistory, useLibraryWrites } from '../../api/library-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { EChart } from '../../components/EChart.tsx';
import { type ChartOption, chartValue } from '../../components/echarts.ts';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { distributionText, historySeries, saveBodyOf } from './library-view.ts';

interface Props {
  readonly id: string | null;
  readonly onClose: () => void;
  readonly onEdit: (entry: LibraryRow) => void;
}

/** One entry: its definition, formula, source and evidence; the years of use with the peers' distribution and a chart. */
export function LibraryEntryDrawer({ id, onClose, onEdit }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const history = useLibraryHistory(id);
  const { update } = useLibraryWrites();
  const { write, saving } = useWrite();
  const entry = history.data?.entry;
  const toggle = (row: LibraryRow) =>
    write(() =>
      update.mutateAsync({
        id: row.id,
        body: { ...saveBodyOf(row), version: row.version, status: row.status === 'active' ? 'retired' : 'active' },
      }),
    );
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={screens.lg ? 960 : '100%'}
      title={entry ? `${entry.code} ${entry.name}` : t('libraryPage.title')}
    >
      {history.error && <ApiErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {!history.data ? (
        <Card loading />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="library-entry">
          {entry && (
            <>
              {entry.permissions.edit && (
                <Space>
                  <Button onClick={() => onEdit(entry)} data-testid="library-edit">
                    {t('libraryPage.edit')}
                  </Button>
                  <Button loading={saving} danger={entry.status === 'active'} onClick={() => void toggle(entry)}>
                    {entry.status === 'active' ? t('libraryPage.retire') : t('libraryPage.activate')}
                  </Button>
                </Space>
              )}
              <Descriptions size="small" bordered column={screens.md ? 2 : 1}>
                <Descriptions.Item label={t('libraryPage.category')}>{entry.category}</Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.industry')}>{entry.industry ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.level1')}>{t(`level1.${entry.level1}`)}</Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.level2')}>{entry.level2}</Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.direction')}>{entry.direction}</Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.unit')}>{entry.unit ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.description')} span={2}>
                  {entry.description ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.formula')} span={2}>
                  {entry.formula ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.dataSource')}>{entry.dataSource ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.evidence')}>{entry.evidence ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.targetHint')}>{entry.targetHint ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.status')}>
                  <Tag color={entry.status === 'active' ? 'green' : 'default'}>{t(`libraryPage.status.${entry.status}`)}</Tag>
                  {entry.updatedBy && (
                    <Typography.Text type="secondary">
                      {t('libraryPage.updated', { by: entry.updatedBy, at: entry.updatedAt.slice(0, 10) })}
                    </Typography.Text>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('libraryPage.source')} span={2}>
                  {entry.source ?? '—'}
                </Descriptions.Item>
              </Descriptions>
            </>
          )}
          <HistoryView history={history.data} />
        </Space>
      )}
    </Drawer>
  );
}

function HistoryView({ history }: { history: LibraryHistory }) {
  const { t } = useI18n();
  if (history.years.length === 0) return <Empty description={t('libraryPage.noHistory')} />;
  return (
    <>
      <Card size="small" title={t('libraryPage.byYear')}>
        <HistoryChart history={history} />
        <Table
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={history.years}
          data-testid="library-years"
          columns={[
            { title: t('libraryPage.year'), dataIndex: 'year', width: 70 },
            { title: t('libraryPage.projects'), dataIndex: 'projects', width: 80 },
            { title: t('libraryPage.targets'), render: (_, year) => distributionText(year.targets) },
            { title: t('libraryPage.actuals'), render: (_, year) => distributionText(year.actuals) },
          ]}
        />
      </Card>
      <Card size="small" title={t('libraryPage.uses', { total: history.usesTotal })}>
        <Table
          rowKey={(use) => `${use.year}-${use.projectCode}-${use.target ?? ''}`}
          size="small"
          dataSource={history.uses}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: t('libraryPage.year'), dataIndex: 'year', width: 70 },
            { title: t('libraryPage.unitName'), dataIndex: 'organisationName' },
            { title: t('libraryPage.project'), render: (_, use) => `${use.projectName}${t('common.paren', { text: use.projectCode })}` },
            { title: t('libraryPage.target'), render: (_, use) => use.target ?? use.targetText ?? '—', width: 90 },
            { title: t('libraryPage.actual'), render: (_, use) => use.actual ?? '—', width: 90 },
            { title: t('libraryPage.unit'), dataIndex: 'unit', width: 80 },
            { title: '', render: (_, use) => <Tag>{t(`libraryPage.sourceKind.${use.source}`)}</Tag>, width: 90 },
          ]}
        />
      </Card>
    </>
  );
}

/** Medians of targets and actuals over the years, with the peers' Q1–Q3 band of targets stacked under them. */
function HistoryChart({ history }: { history: LibraryHistory }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const series = historySeries(history);
    const band = t('libraryPage.chart.band');
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('libraryPage.chart.targetMedian'), t('libraryPage.chart.actualMedian'), band] },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: series.years },
      yAxis: { type: 'value', scale: true },
      series: [
        {
          type: 'line',
          name: band,
          stack: 'band',
          data: series.bandBase,
          lineStyle: { opacity: 0 },
          symbol: 'none',
          tooltip: { show: false },
        },
        {
          type: 'line',
          name: band,
          stack: 'band',
          data: series.bandHeight,
          lineStyle: { opacity: 0 },
          symbol: 'none',
          areaStyle: { color: 'rgba(22, 119, 255, 0.15)' },
        },
        {
          type: 'line',
          name: t('libraryPage.chart.targetMedian'),
          data: series.targetMedian.map((value) => (value === null ? null : chartValue(value))),
        },
        {
          type: 'line',
          name: t('libraryPage.chart.actualMedian'),
          data: series.actualMedian.map((value) => (value === null ? null : chartValue(value))),
        },
      ],
    };
  }, [history, t]);
  return <EChart option={option} height={260} label={t('libraryPage.chartLabel')} testId="library-chart" />;
}
