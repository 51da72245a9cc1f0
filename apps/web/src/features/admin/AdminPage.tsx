import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FiscalYearsPanel } from './FiscalYearsPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { OrganisationsPanel } from './OrganisationsPanel.tsx';
import { ProjectsPanel } from './ProjectsPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';

const TABS = ['organisations', 'users', 'years', 'projects', 'import'] as const;

/** 管理: organisations, users, fiscal years, projects and the bulk import (the tab is in the URL). */
export default function AdminPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab = TABS.find((key) => key === requested) ?? 'organisations';

  return (
    <div className="page-stack">
      <Typography.Title level={3} className="page-title">
        {t('nav.admin')}
      </Typography.Title>
      <Card size="small">
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => setSearch({ tab: key }, { replace: true })}
          items={[
            { key: 'organisations', label: t('admin.organisations'), children: <OrganisationsPanel /> },
            { key: 'users', label: t('admin.users'), children: <UsersPanel /> },
            { key: 'years', label: t('admin.years'), children: <FiscalYearsPanel /> },
            { key: 'projects', label: t('admin.projects'), children: <ProjectsPanel /> },
            { key: 'import', label: t('admin.import'), children: <ImportPanel /> },
          ]}
        />
      </Card>
    </div>
  );
}
