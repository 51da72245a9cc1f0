import { DownloadOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import type { MonitoringFormSummary, MonitoringTaskSummary } from '@jixiao/contract';
import { Button, Card, Dropdown, Empty, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { monitoringApi, useMonitoringTask, useMonitoringTasks } from '../../api/monitoring-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useReportError } from '../../components/use-report-error.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { IssueTaskModal } from './IssueTaskModal.tsx';
import { LightsView } from './LightsView.tsx';
import { LightBadge, LightCounts } from './LightTag.tsx';
import { MonitoringFormDrawer } from './MonitoringFormDrawer.tsx';
import type { Light } from './monitoring-form.ts';

/**
 * 绩效运行监控: the tasks the user's units received (the finance bureau: every task, and 下达监控任务), the
 * forms of the chosen task (`?task=`), every unit's lights, and one form in a drawer (`?form=`, the
 * to-dos' link).
 */
export default function MonitoringPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const [issuing, setIssuing] = useState(false);
  const reportError = useReportError();
  const tasks = useMonitoringTasks();
  const items = tasks.data?.items ?? [];
  const taskId = search.get('task') ?? items[0]?.id ?? null;
  const task = useMonitoringTask(taskId);
  const formId = search.get('form');
  const setParam = (name: 'task' | 'form', value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next);
  };

  return (
    <div className="page-stack">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('monitoring.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('monitoring.intro')}</Typography.Paragraph>
      <Card
        size="small"
        title={t('monitoring.tasks')}
        extra={
          tasks.data?.permissions.issue && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="monitoring-issue">
              {t('monitoring.issue')}
            </Button>
          )
        }
      >
        {tasks.error ? (
          <ApiErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : (
          <Table<MonitoringTaskSummary>
            rowKey="id"
            size="small"
            loading={tasks.isLoading}
            dataSource={items}
            pagination={items.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('monitoring.noTasks')} /> }}
            rowClassName={(row) => (row.id === taskId ? 'ant-table-row-selected' : '')}
            onRow={(row) => ({ onClick: () => setParam('task', row.id), style: { cursor: 'pointer' } })}
            data-testid="monitoring-tasks"
            columns={[
              {
                title: t('monitoring.taskTitle'),
                dataIndex: 'title',
                render: (title: string) => <Typography.Link>{title}</Typography.Link>,
              },
              { title: t('monitoring.cutoff'), dataIndex: 'cutoffDate', width: 110, render: (at: string) => formatDate(at) },
              {
                title: t('monitoring.kind'),
                dataIndex: 'kind',
                width: 80,
                render: (kind: MonitoringTaskSummary['kind']) => t(`monitoring.kindOf.${kind}`),
              },
              { title: t('monitoring.deadline'), dataIndex: 'deadline', width: 110, render: (at: string) => formatDate(at) },
              {
                title: t('monitoring.progress'),
                key: 'progress',
                width: 110,
                render: (_: unknown, row) => t('monitoring.progressOf', { submitted: row.submittedCount, total: row.formCount }),
              },
              {
                title: t('monitoring.lights'),
                key: 'lights',
                width: 220,
                render: (_: unknown, row) => <LightCounts lights={row.lights} />,
              },
              { title: t('monitoring.issuedBy'), dataIndex: 'issuedByName', width: 100 },
              { title: t('monitoring.issuedAt'), dataIndex: 'issuedAt', width: 150, render: (at: string) => formatDateTime(at) },
            ]}
          />
        )}
      </Card>

      {taskId && (
        <Card
          size="small"
          title={task.data?.title ?? ''}
          extra={
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void monitoringApi.download(taskId).catch((error: unknown) => reportError(error))}
                data-testid="monitoring-export"
              >
                {t('monitoring.export')}
              </Button>
              <ReportButton taskId={taskId} forms={task.data?.forms ?? []} />
            </Space>
          }
        >
          {task.error ? (
            <ApiErrorAlert error={task.error} onRetry={() => void task.refetch()} />
          ) : (
            <Tabs
              items={[
                {
                  key: 'forms',
                  label: t('monitoring.forms'),
                  children: (
                    <Table<MonitoringFormSummary>
                      rowKey="id"
                      size="small"
                      loading={task.isLoading}
                      dataSource={task.data?.forms ?? []}
                      pagination={{ pageSize: 20, showSizeChanger: false }}
                      scroll={{ x: 900 }}
                      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('monitoring.noForms')} /> }}
                      onRow={(row) => ({ onClick: () => setParam('form', row.id), style: { cursor: 'pointer' } })}
                      data-testid="monitoring-forms"
                      columns={[
                        {
                          title: t('monitoring.formTitle'),
                          dataIndex: 'title',
                          render: (title: string) => <Typography.Link>{title}</Typography.Link>,
                        },
                        {
                          title: t('monitoring.formKind'),
                          dataIndex: 'kind',
                          width: 90,
                          render: (kind: MonitoringFormSummary['kind']) => t(`monitoring.formKindOf.${kind}`),
                        },
                        { title: t('monitoring.unit'), dataIndex: 'organisationName', width: 200 },
                        { title: t('monitoring.department'), dataIndex: 'departmentName', width: 200 },
                        { title: t('monitoring.status'), dataIndex: 'statusLabel', width: 110 },
                        {
                          title: t('monitoring.light'),
                          dataIndex: 'light',
                          width: 80,
                          render: (light: Light) => <LightBadge light={light} />,
                        },
                        {
                          title: t('monitoring.updatedAt'),
                          dataIndex: 'updatedAt',
                          width: 150,
                          render: (at: string) => formatDateTime(at),
                        },
                      ]}
                    />
                  ),
                },
                {
                  key: 'lights',
                  label: t('monitoring.lightsTab'),
                  children: <LightsView taskId={taskId} onOpen={(id) => setParam('form', id)} />,
                },
              ]}
            />
          )}
        </Card>
      )}

      <IssueTaskModal
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(id) => {
          setIssuing(false);
          setParam('task', id);
        }}
      />
      <MonitoringFormDrawer id={formId} onClose={() => setParam('form', null)} />
    </div>
  );
}

/**
 * 监控报告 (.docx) per department: one button when the task covers one department, a menu of its
 * departments (their own 部门整体 forms name them) when it covers several.
 */
function ReportButton({ taskId, forms }: { taskId: string; forms: readonly MonitoringFormSummary[] }) {
  const { t } = useI18n();
  const reportError = useReportError();
  const departments = forms.filter((form) => form.kind === 'department');
  const download = (organisationId?: string) =>
    void monitoringApi.report(taskId, organisationId).catch((error: unknown) => reportError(error));
  if (departments.length <= 1)
    return (
      <Button icon={<FileWordOutlined />} onClick={() => download(departments[0]?.organisationId)} data-testid="monitoring-report">
        {t('monitoring.report')}
      </Button>
    );
  return (
    <Dropdown
      menu={{
        items: departments.map((form) => ({ key: form.organisationId, label: form.organisationName })),
        onClick: ({ key }) => download(key),
      }}
    >
      <Button icon={<FileWordOutlined />} data-testid="monitoring-report">
        {t('monitoring.report')}
      </Button>
    </Dropdown>
  );
}
