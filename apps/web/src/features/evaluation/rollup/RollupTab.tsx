import type { EvaluationRollup, RollupAggregate } from '@jixiao/contract';
import { Alert, Card, Col, Empty, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useEvaluationRollup } from '../../../api/overview-queries.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { EChart } from '../../../components/EChart.tsx';
import { type ChartOption, chartValue } from '../../../components/echarts.ts';
import { StatusTag } from '../../../components/StatusTag.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatMoney, fromFen } from '../../../lib/money.ts';

type Project = EvaluationRollup['projects'][number];
type Unit = EvaluationRollup['units'][number];

const yuan = (fen: number) => formatMoney(fromFen(BigInt(fen)));

/**
 * 汇总 of a department's overall evaluation: its units' and projects' self-scores and the budget-weighted
 * aggregates, beside (never instead of) the department's own score by the rules.
 */
export function RollupTab({ evaluationId }: { evaluationId: string }) {
  const { t } = useI18n();
  const rollup = useEvaluationRollup(evaluationId);
  const body = rollup.data;
  if (!body) return rollup.error ? <ApiErrorAlert error={rollup.error} onRetry={() => void rollup.refetch()} /> : <Skeleton active />;

  const figure = (title: string, aggregate: RollupAggregate, testId: string) => (
    <Col xs={24} sm={12} xl={6}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={aggregate.score ?? t('unitRollup.none')} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('unitRollup.counted', { counted: aggregate.counted, amount: yuan(aggregate.weightFen), notCounted: aggregate.notCounted })}
        </Typography.Text>
      </Card>
    </Col>
  );
  const score = (value: string | null) => value ?? <Typography.Text type="secondary">{t('unitRollup.notHandedIn')}</Typography.Text>;

  return (
    <div className="page-stack" data-testid="rollup">
      <Alert type="info" showIcon message={t('unitRollup.intro')} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small" data-testid="rollup-official">
            <Statistic title={t('unitRollup.official')} value={body.officialScore ?? t('unitRollup.none')} />
          </Card>
        </Col>
        {figure(t('unitRollup.projects'), body.aggregate.projects, 'rollup-projects')}
        {figure(t('unitRollup.keyProjects'), body.aggregate.keyProjects, 'rollup-key-projects')}
        {figure(t('unitRollup.units'), body.aggregate.units, 'rollup-units')}
      </Row>
      {body.projects.length === 0 && body.units.length === 0 ? (
        <Empty description={t('unitRollup.empty')} />
      ) : (
        <>
          {body.projects.some((project) => project.selfScore !== null) && <ProjectChart projects={body.projects} />}
          <Card size="small" title={t('unitRollup.unitTable')} style={{ marginBottom: 16 }}>
            <Table<Unit>
              rowKey="organisationId"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={body.units}
              columns={[
                { title: t('unitRollup.unit'), dataIndex: 'name' },
                {
                  title: t('unitRollup.overall'),
                  render: (_, unit) =>
                    unit.overall ? (
                      <Link to={`/evaluations/${unit.overall.evaluationId}`}>{score(unit.overall.selfScore)}</Link>
                    ) : (
                      t('unitRollup.none')
                    ),
                },
                { title: t('unitRollup.projectCount'), dataIndex: 'projectCount', align: 'right' },
                { title: t('unitRollup.unitProjects'), align: 'right', render: (_, unit) => unit.projects.score ?? t('unitRollup.none') },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={t('unitRollup.projectTable')}
            extra={<Typography.Text type="secondary">{t('unitRollup.keyRule', { amount: yuan(body.keyProjectFromFen) })}</Typography.Text>}
          >
            <Table<Project>
              rowKey="evaluationId"
              size="small"
              pagination={body.projects.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 'max-content' }}
              dataSource={body.projects}
              columns={[
                {
                  title: t('unitRollup.project'),
                  render: (_, project) => (
                    <Link to={`/evaluations/${project.evaluationId}`}>
                      {project.name}
                      {project.key && (
                        <Tag color="gold" style={{ marginInlineStart: 8 }}>
                          {t('unitRollup.key')}
                        </Tag>
                      )}
                    </Link>
                  ),
                },
                { title: t('unitRollup.unit'), dataIndex: 'unitName' },
                { title: t('unitRollup.budget'), align: 'right', className: 'numeric', render: (_, project) => yuan(project.budgetFen) },
                { title: t('unitRollup.status'), render: (_, project) => <StatusTag status={project.status} /> },
                { title: t('unitRollup.selfScore'), align: 'right', render: (_, project) => score(project.selfScore) },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}

/** Each handed-in project's self-score as a bar, widest budgets first: a low score on a large budget stands out. */
function ProjectChart({ projects }: { projects: readonly Project[] }) {
  const { t } = useI18n();
  const scored = useMemo(() => projects.filter((project) => project.selfScore !== null).slice(0, 30), [projects]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (_value, index) => {
          const project = scored[index];
          return project ? `${project.selfScore} · ${yuan(project.budgetFen)} ${t('common.yuan')}` : '';
        },
      },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: scored.map((project) => project.name),
        axisLabel: { interval: 0, rotate: scored.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' },
      },
      yAxis: { type: 'value', min: 0, max: 100, name: t('unitRollup.chartScore') },
      series: [
        { type: 'bar', name: t('unitRollup.chartScore'), data: scored.map((project) => chartValue(project.selfScore)), barMaxWidth: 32 },
      ],
    }),
    [scored, t],
  );
  return (
    <Card size="small" title={t('unitRollup.chart')} style={{ marginBottom: 16 }}>
      <EChart option={option} label={t('unitRollup.chart')} testId="rollup-chart" />
    </Card>
  );
}
