import { Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useEvaluationList, useTasks } from '../../api/evaluation-queries.ts';
import type { TaskItem } from '../../api/types.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DeadlineTag } from '../../components/DeadlineTag.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isEvaluationStatus } from '../../lib/status.ts';
import { countByStatus } from '../../lib/status-counts.ts';
import { StatusChart } from './StatusChart.tsx';

/** 工作台: what is waiting for me, how close the deadlines are, and where my evaluations stand. */
export default function DashboardPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const tasks = useTasks();
  const canList = session?.access.pages.includes('evaluations') ?? false;
  const evaluations = useEvaluationList({}, canList);
  const taskItems = tasks.data?.items ?? [];
  const counts = countByStatus(evaluations.data?.items ?? []);

  return (
    <div className="page-stack">
      <Typography.Title level={3} className="page-title">
        {t('dashboard.greeting', { name: session?.user.displayName ?? '' })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.tasks')} value={taskItems.length} loading={tasks.isLoading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('dashboard.overdue')}
              value={taskItems.filter((task) => task.overdue).length}
              loading={tasks.isLoading}
              styles={{ content: { color: taskItems.some((task) => task.overdue) ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
        {canList && (
          <>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('dashboard.evaluations')} value={evaluations.data?.items.length ?? 0} loading={evaluations.isLoading} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('status.published')}
                  value={counts.find((entry) => entry.status === 'published')?.count ?? 0}
                  loading={evaluations.isLoading}
                />
              </Card>
            </Col>
          </>
        )}
        <Col xs={24} xxl={canList ? 15 : 24}>
          <Card title={t('dashboard.myTasks')} size="small">
            {tasks.error ? (
              <ApiErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
            ) : (
              <TaskTable tasks={taskItems} loading={tasks.isFetching} />
            )}
          </Card>
        </Col>
        {canList && (
          <Col xs={24} xxl={9}>
            <Card title={t('dashboard.byStatus')} size="small" extra={<Link to="/evaluations">{t('dashboard.allEvaluations')}</Link>}>
              {evaluations.error ? (
                <ApiErrorAlert error={evaluations.error} onRetry={() => void evaluations.refetch()} />
              ) : (
                <StatusChart counts={counts} />
              )}
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}

/** Where a to-do opens, and the record it is about. */
function taskLink(task: TaskItem): { path: string; subject: string } {
  if (task.rereviewId) return { path: '/rereviews', subject: task.rereviewId };
  if (task.surveyId && task.action === 'survey-flagged')
    return { path: `/surveys?open=${task.surveyId}&tab=responses&filter=flagged`, subject: task.surveyId };
  if (task.surveyId) return { path: `/surveys?open=${task.surveyId}`, subject: task.surveyId };
  if (task.adjustmentId) return { path: `/adjustments?open=${task.adjustmentId}`, subject: task.adjustmentId };
  if (task.rectificationId) return { path: `/rectifications?open=${task.rectificationId}`, subject: task.rectificationId };
  if (task.resultEvaluationId) return { path: `/results?open=${task.resultEvaluationId}`, subject: task.resultEvaluationId };
  if (task.declarationId) return { path: `/declarations/${task.declarationId}`, subject: task.declarationId };
  if (task.paymentId) return { path: `/control/payments?payment=${task.paymentId}`, subject: task.paymentId };
  if (task.procurementId) return { path: `/control/procurements?procurement=${task.procurementId}`, subject: task.procurementId };
  if (task.contractId) return { path: `/control/contracts?contract=${task.contractId}`, subject: task.contractId };
  if (task.assetId) return { path: '/control/assets', subject: task.assetId };
  if (task.budgetLineId) return { path: `/control/ledger?line=${task.budgetLineId}`, subject: task.budgetLineId };
  if (task.grantId) return { path: '/control/subsidies', subject: task.grantId };
  if (task.monitoringFormId) return { path: `/monitoring?form=${task.monitoringFormId}`, subject: task.monitoringFormId };
  return { path: `/evaluations/${task.evaluationId}`, subject: task.evaluationId ?? '' };
}

function TaskTable({ tasks, loading }: { tasks: readonly TaskItem[]; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Table<TaskItem>
      size="small"
      rowKey={(task) => `${taskLink(task).subject}:${task.action}`}
      loading={loading}
      dataSource={[...tasks]}
      pagination={tasks.length > 10 ? { pageSize: 10 } : false}
      scroll={{ x: 760 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noTasks')} /> }}
      columns={[
        {
          title: t('task.title'),
          dataIndex: 'title',
          render: (title: string, task) => (
            <Link to={taskLink(task).path} data-testid={`task-${taskLink(task).subject}`}>
              {title}
            </Link>
          ),
        },
        { title: t('task.year'), dataIndex: 'fiscalYear', width: 70 },
        { title: t('task.action'), dataIndex: 'action', width: 150, render: (action: TaskItem['action']) => t(`taskAction.${action}`) },
        {
          title: t('common.status'),
          dataIndex: 'status',
          width: 120,
          render: (status: string, task) =>
            isEvaluationStatus(status) && !task.rectificationId && !task.surveyId && !task.adjustmentId ? (
              <StatusTag status={status} />
            ) : (
              task.statusLabel
            ),
        },
        {
          title: t('task.deadline'),
          dataIndex: 'deadline',
          width: 190,
          render: (deadline: string | null, task) => <DeadlineTag deadline={deadline} overdue={task.overdue} />,
        },
        {
          title: t('task.lastComment'),
          dataIndex: 'lastComment',
          render: (comment: string | null) =>
            comment ? (
              <Typography.Text type="danger" className="wrap-text">
                {comment}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
