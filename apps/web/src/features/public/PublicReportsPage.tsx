import { ExportOutlined } from '@ant-design/icons';
import { Card, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useOrganisations } from '../../api/admin-queries.ts';
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
  const session = useSession().session;
  const grants = session?.user.roles ?? [];
  const organisationIds = [...new Set(grants.map((grant) => grant.organisationId))];
  // An administrator holds no post in a department: they pick the department whose setting they change.
  // Whoever the server offers the administration page to administers (the navigation policy decides).
  const isAdmin = session?.access.pages.includes('admin') ?? false;
  const organisations = useOrganisations(isAdmin);
  const departments = (organisations.data?.items ?? []).filter((entry) => entry.kind === 'department');
  const [picked, setPicked] = useState<string | undefined>();
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
      {isAdmin && (
        <Card size="small" title={t('publicSettings.pickTitle')}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 360, maxWidth: '100%' }}
            placeholder={t('publicSettings.pickDepartment')}
            aria-label={t('publicSettings.pickDepartment')}
            value={picked}
            onChange={setPicked}
            options={departments.map((entry) => ({ value: entry.id, label: entry.name }))}
            data-testid="public-settings-department"
          />
        </Card>
      )}
      {isAdmin && picked && !organisationIds.includes(picked) && <PublicSettingsCard key={picked} organisationId={picked} />}
    </div>
  );
}
