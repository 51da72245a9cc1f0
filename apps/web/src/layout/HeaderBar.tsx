import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Segmented, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Locale } from '../i18n/translate.ts';
import { GlobalSearch } from './GlobalSearch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { PageHelp } from './PageHelp.tsx';

export function HeaderBar({ menuButton }: { menuButton: ReactNode }) {
  const { session, signOut } = useSession();
  const { t, locale, setLocale } = useI18n();
  const screens = Grid.useBreakpoint();
  const user = session?.user;
  // Shown, not decided on: each role once, as a label.
  const roles = [...new Set((user?.roles ?? []).map((grant) => grant.role))];
  return (
    <Layout.Header className="app-header">
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {menuButton}
        {user && (
          <Link to="/account/password" title={t('account.changePassword')} data-testid="header-user" className="header-user">
            <UserOutlined />
            <span className="header-user-name" style={{ maxWidth: screens.sm ? 240 : 120 }}>
              {user.displayName}
            </span>
          </Link>
        )}
        {screens.lg && (
          <Space size={4} wrap={false}>
            {roles.map((role) => (
              <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
                {t(`role.${role}`)}
              </Tag>
            ))}
            {user && <Typography.Text type="secondary">{user.organisationName}</Typography.Text>}
          </Space>
        )}
      </Flex>
      <Flex align="center" gap={8}>
        {user && screens.md && (
          <div className="header-search">
            <GlobalSearch width={screens.xl ? 280 : 200} />
          </div>
        )}
        {user && <PageHelp />}
        {user && <NotificationBell />}
        <Segmented<Locale>
          size="small"
          value={locale}
          onChange={setLocale}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'EN', value: 'en' },
          ]}
          aria-label={t('header.language')}
          data-testid="language-toggle"
        />
        <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout">
          {screens.sm ? t('header.logout') : null}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
