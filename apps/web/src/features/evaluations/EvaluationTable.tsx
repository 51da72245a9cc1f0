import { Badge, Space, Table, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { EvaluationSummary } from '../../api/types.ts';
import { DeadlineTag } from '../../components/DeadlineTag.tsx';
import { Money } from '../../components/Money.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { type TableRowProps, TestIdRow } from '../../components/test-id-row.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { gradeLabel } from '../../lib/labels.ts';
import { executionRatePercent } from '../../lib/money.ts';

const EvaluationRow = (props: TableRowProps) => <TestIdRow prefix="evaluation-row-" {...props} />;

interface Props {
  readonly items: readonly EvaluationSummary[];
  readonly loading: boolean;
  /** The review queue adds each evaluation's deadline (from the user's tasks). */
  readonly deadlineOf?: (evaluationId: string) => { deadline: string | null; overdue: boolean } | undefined;
}

/** The evaluations table shared by 自评列表 and 审核. */
export function EvaluationTable({ items, loading, deadlineOf }: Props) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  return (
    <Table<EvaluationSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...items]}
      components={{ body: { row: EvaluationRow } }}
      scroll={{ x: 1000 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        {
          title: t('evaluation.subject'),
          key: 'subject',
          fixed: isPhone ? undefined : 'left',
          width: 250,
          render: (_value, row) => (
            <Link to={`/evaluations/${row.id}`}>
              <div>{row.projectName ?? row.organisationName}</div>
              {row.projectName && <div style={{ color: '#888', fontSize: 12 }}>{row.organisationName}</div>}
            </Link>
          ),
        },
        { title: t('evaluation.fiscalYear'), dataIndex: 'fiscalYear', width: 70, sorter: (a, b) => a.fiscalYear - b.fiscalYear },
        { title: t('evaluation.kind'), dataIndex: 'kind', width: 110, render: (kind: EvaluationSummary['kind']) => t(`kind.${kind}`) },
        {
          title: t('common.status'),
          dataIndex: 'status',
          width: 120,
          render: (status: EvaluationSummary['status']) => <StatusTag status={status} />,
        },
        {
          title: t('evaluation.total'),
          dataIndex: 'total',
          width: 80,
          align: 'right',
          render: (total: string | null) => <span className="numeric">{total ?? '—'}</span>,
        },
        { title: t('evaluation.grade'), dataIndex: 'grade', width: 70, render: (grade: string | null) => gradeLabel(t, grade) },
        {
          title: t('evaluation.findings'),
          key: 'findings',
          width: 110,
          render: (_value, row) => (
            <Space size={12}>
              <Tooltip title={t('severity.error')}>
                <Badge count={row.errorCount} showZero color={row.errorCount ? '#cf1322' : '#d9d9d9'} />
              </Tooltip>
              <Tooltip title={t('severity.warning')}>
                <Badge count={row.warningCount} showZero color={row.warningCount ? '#d48806' : '#d9d9d9'} />
              </Tooltip>
            </Space>
          ),
        },
        {
          title: t('evaluation.budgetExecuted'),
          key: 'budget',
          // Executed / adjusted wrap at the slash rather than push the queue's deadline past 1440 px.
          width: 190,
          align: 'right',
          render: (_value, row) => (
            <div>
              <div>
                <Money value={row.executedBudget} /> / <Money value={row.adjustedBudget} />
              </div>
              <div style={{ color: '#888', fontSize: 12 }}>{executionRatePercent(row.executedBudget, row.adjustedBudget) ?? '—'}</div>
            </div>
          ),
        },
        ...(deadlineOf
          ? [
              {
                title: t('task.deadline'),
                key: 'deadline',
                width: 150,
                render: (_value: unknown, row: EvaluationSummary) => {
                  const task = deadlineOf(row.id);
                  return task ? <DeadlineTag deadline={task.deadline} overdue={task.overdue} /> : '—';
                },
              },
            ]
          : []),
        {
          title: t('evaluation.updatedAt'),
          dataIndex: 'updatedAt',
          width: 130,
          responsive: ['xxl'],
          render: (at: string) => formatDateTime(at),
        },
      ]}
    />
  );
}
