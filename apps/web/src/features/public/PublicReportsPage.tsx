import { ExportOutlined } from '@ant-design/icons';
import { Card, Table, Typography } from 'antd';
import { usePublishedReports } from '../../api/evaluation-queries.ts';
import type { PublishedReportItem } from '../../api/types.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../lib/dates.ts';
import { gradeLabel } from '../../lib/labels.ts';
import { PublicSettingsCard } from './PublicSettingsCard.tsx';

/** 公开报告: what has been published; the reports themselves are the server's public pages (/public/<部门编码>/<年度>). */
export default function PublicReportsPage() {
  const { t } = useI18n();
  const reports = usePublishedReports();
  // The departments the user holds a post in: each shows its 公开设置 if it is a department (the server decides).
  const organisationIds = [...new Set(useSession().session?.user.roles.map((grant) => grant.organisationId) ?? [])];
  return (
    <div className="page-stack">
      <Typography.Title level={3} className="page-title">
        {t('nav.publicReports')}
      </Typography.Title>
      <Card
        size="small"
        extra={
          <Typography.Link href="/public" target="_blank">
            {t('public.site')} <ExportOutlined />
          </Typography.Link>
        }
      >
        {reports.error ? (
          <ApiErrorAlert error={reports.error} onRetry={() => void reports.refetch()} />
        ) : (
          <Table<PublishedReportItem>
            rowKey="url"
            size="small"
            loading={reports.isFetching}
            dataSource={reports.data?.items ?? []}
            scroll={{ x: 800 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('evaluation.fiscalYear'), dataIndex: 'fiscalYear', width: 80 },
              { title: t('evaluation.organisation'), dataIndex: 'organisationName', width: 260 },
              {
                title: t('public.report'),
                dataIndex: 'title',
                render: (title: string, report) => (
                  <Typography.Link href={report.url} target="_blank" rel="noopener">
                    {title}
                  </Typography.Link>
                ),
              },
              { title: t('evaluation.total'), dataIndex: 'total', width: 80, align: 'right' },
              { title: t('evaluation.grade'), dataIndex: 'grade', width: 80, render: (grade: string) => gradeLabel(t, grade) },
              { title: t('public.publishedAt'), dataIndex: 'publishedAt', width: 120, render: formatDate },
            ]}
          />
        )}
      </Card>
      {organisationIds.map((organisationId) => (
        <PublicSettingsCard key={organisationId} organisationId={organisationId} />
      ))}
    </div>
  );
}
