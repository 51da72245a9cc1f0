import type { OverviewAnomaly, OverviewDepartment, OverviewLights } from '@jixiao/contract';
import { Card, Col, Flex, Input, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type OverviewFilter, useOverview } from '../../api/overview-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LightCounts } from '../monitoring/LightTag.tsx';
import { DistributionChart, ProgressChart, ScatterChart } from './OverviewCharts.tsx';

/** Department → unit → evaluation: each unit with its evaluations, linking to the evaluation page. */
function UnitDrillDown({ units }: { units: OverviewDepartment['units'] }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      {units.map((unit) => (
        <div key={unit.unitId}>
          <Typography.Text strong>{unit.name}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {unit.evaluations.map((evaluation) => (
              <li key={evaluation.evaluationId}>
                <Link to={`/evaluations/${evaluation.evaluationId}`}>{evaluation.name}</Link> · {t(`status.${evaluation.status}`)}
                {evaluation.selfScore !== null && ` · ${t('overview.unitScore', { score: evaluation.selfScore })}`}
                {evaluation.anomalies > 0 && (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    {t('overview.unitAnomalies', { count: evaluation.anomalies })}
                  </Tag>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Flex>
  );
}

/** 总览: the finance bureau's view of a year over its departments (read only). */
export default function OverviewPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<OverviewFilter>({});
  const query = useOverview(filter);
  const data = query.data;
  const none = t('overview.none');
  const rule = (anomaly: OverviewAnomaly) =>
    data
      ? t(`overview.rule.${anomaly.code}`, {
          rate:
            anomaly.code === 'HIGH_SCORE_LOW_SPENDING'
              ? data.thresholds.lowSpendingBelowPercent
              : data.thresholds.executionReasonBelowPercent,
          score: data.thresholds.highScoreFloor,
        })
      : anomaly.rule;
  return (
    <div className="page-stack">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('overview.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('overview.intro')}</Typography.Paragraph>
      <Flex wrap gap={12} style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('overview.year')}
          style={{ width: 120 }}
          value={data?.fiscalYear ?? undefined}
          options={(data?.years ?? []).map((year) => ({ value: year, label: String(year) }))}
          onChange={(fiscalYear: number) => setFilter({ ...filter, fiscalYear, anomalyPage: undefined })}
          data-testid="overview-year"
        />
        <Select
          aria-label={t('overview.department')}
          style={{ minWidth: 240 }}
          allowClear
          placeholder={t('overview.allDepartments')}
          value={filter.departmentId}
          options={(data?.departmentOptions ?? []).map((option) => ({ value: option.id, label: option.name }))}
          onChange={(departmentId: string | undefined) => setFilter({ ...filter, departmentId, anomalyPage: undefined })}
        />
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('overview.search')}
          onSearch={(q) => setFilter({ ...filter, q, anomalyPage: undefined })}
          data-testid="overview-search"
        />
      </Flex>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Card loading />
      ) : data.fiscalYear === null ? (
        <Typography.Text type="secondary">{t('overview.noYear')}</Typography.Text>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('overview.cards.departments')} value={data.totals.departments} />
                <Typography.Text type="secondary">{t('overview.cards.coverage', { rate: data.totals.coverage ?? none })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('overview.cards.submitted')} value={data.totals.submitted} />
                <Typography.Text type="secondary">
                  {t('overview.cards.submittedOf', { count: data.totals.evaluations })} ·{' '}
                  {t('overview.cards.overdue', { count: data.totals.overdue })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('overview.cards.rate')} value={data.totals.excellentGoodRate ?? none} />
                <Typography.Text type="secondary">
                  {t('overview.cards.average', { score: data.totals.averageScore ?? none })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('overview.cards.anomalies')}
                  value={data.totals.anomalies}
                  valueStyle={data.totals.anomalies > 0 ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('overview.coverageHint')}
          </Typography.Paragraph>
          {data.monitoring && (
            <Card
              size="small"
              style={{ marginBottom: 12 }}
              data-testid="overview-monitoring"
              title={t('overview.monitoring', { title: data.monitoring.title, cutoff: data.monitoring.cutoffDate })}
              extra={<Link to={`/monitoring?task=${data.monitoring.taskId}`}>{t('overview.monitoringOpen')}</Link>}
            >
              <LightCounts lights={data.monitoring.totals} />
              <Typography.Text type="secondary">{t('overview.monitoringHint')}</Typography.Text>
            </Card>
          )}
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('overview.progress')}>
                <ProgressChart departments={data.departments} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('overview.distribution')}>
                <DistributionChart distribution={data.distribution} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('overview.scatter')}>
                <Typography.Text type="secondary">
                  {t('overview.scatterHint', { score: data.thresholds.highScoreFloor, rate: data.thresholds.lowSpendingBelowPercent })}
                </Typography.Text>
                <ScatterChart points={data.points} />
                {data.pointsTotal > data.points.length && (
                  <Typography.Text type="secondary">
                    {t('overview.pointsSampled', { total: data.pointsTotal, shown: data.points.length })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('overview.ranking')} style={{ marginTop: 12 }}>
            <Table<OverviewDepartment>
              rowKey="departmentId"
              size="small"
              dataSource={data.departments}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              expandable={{
                expandedRowRender: (row) =>
                  data.unitsShown ? (
                    <UnitDrillDown units={row.units} />
                  ) : (
                    <Typography.Text type="secondary">
                      {t('overview.openDepartment')}{' '}
                      <Typography.Link onClick={() => setFilter({ ...filter, departmentId: row.departmentId, anomalyPage: undefined })}>
                        {row.name}
                      </Typography.Link>
                    </Typography.Text>
                  ),
              }}
              columns={[
                { title: t('overview.col.rank'), dataIndex: 'rank', width: 70, render: (rank: number | null) => rank ?? none },
                {
                  title: t('overview.col.department'),
                  dataIndex: 'name',
                  render: (name: string, row) => (
                    <Typography.Link onClick={() => setFilter({ ...filter, departmentId: row.departmentId })}>{name}</Typography.Link>
                  ),
                },
                { title: t('overview.col.evaluations'), dataIndex: 'evaluations', width: 90 },
                { title: t('overview.col.submitted'), dataIndex: 'submitted', width: 80 },
                { title: t('overview.col.coverage'), dataIndex: 'coverage', width: 90, render: (v: string | null) => v ?? none },
                { title: t('overview.col.overdue'), dataIndex: 'overdue', width: 70 },
                { title: t('overview.col.average'), dataIndex: 'averageScore', width: 80, render: (v: string | null) => v ?? none },
                { title: t('overview.col.rate'), dataIndex: 'excellentGoodRate', width: 100, render: (v: string | null) => v ?? none },
                { title: t('overview.col.anomalies'), dataIndex: 'anomalies', width: 70 },
                {
                  title: t('overview.col.lights'),
                  dataIndex: 'lights',
                  width: 150,
                  render: (lights: OverviewLights | null) => (lights ? <LightCounts lights={lights} /> : none),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('overview.anomalies')} style={{ marginTop: 12 }}>
            <Table<OverviewAnomaly>
              rowKey={(row) => `${row.evaluationId}-${row.code}`}
              size="small"
              dataSource={data.anomalies}
              pagination={{
                current: data.anomalyPage.page,
                pageSize: data.anomalyPage.pageSize,
                total: data.anomalyPage.total,
                showSizeChanger: false,
                onChange: (anomalyPage) => setFilter({ ...filter, anomalyPage }),
              }}
              data-testid="overview-anomalies"
              columns={[
                {
                  title: t('overview.col.evaluation'),
                  dataIndex: 'evaluationName',
                  render: (name: string, row) => <Link to={`/evaluations/${row.evaluationId}`}>{name}</Link>,
                },
                { title: t('overview.col.department'), dataIndex: 'departmentName' },
                { title: t('overview.col.unit'), dataIndex: 'unitName' },
                {
                  title: t('overview.col.anomaly'),
                  width: 140,
                  render: (_, row) => <Tag color="red">{t(`overview.anomaly.${row.code}`)}</Tag>,
                },
                { title: t('overview.col.rule'), render: (_, row) => rule(row) },
                { title: t('overview.col.detail'), dataIndex: 'detail' },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
