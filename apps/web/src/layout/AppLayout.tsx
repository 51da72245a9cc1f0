import { ControlOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Menu, type MenuProps, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/SessionProvider.tsx';
import { useIsPhone } from '../components/use-is-phone.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { NavKey } from '../lib/roles.ts';
import { HeaderBar } from './HeaderBar.tsx';
import { IdleWarning } from './IdleWarning.tsx';
import { NAV, navKeyOf } from './nav.tsx';

const CONTROL_GROUP = 'group:control';

const pageLoading = (
  <Flex align="center" justify="center" style={{ minHeight: 240 }}>
    <Spin />
  </Flex>
);

/**
 * The signed-in frame: a side menu filtered by the user's roles (a drawer on phones), a header with
 * the user, language and logout, and the page. The idle warning lives here because only signed-in pages time out.
 */
export function AppLayout() {
  const { session } = useSession();
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();

  // Until the initial password is changed, the server refuses everything else: offer nothing else.
  const keys = session?.user.mustChangePassword ? [] : (session?.access.pages ?? []);
  const item = (key: NavKey) => {
    const entry = NAV[key];
    return {
      key,
      icon: entry.icon,
      label: (
        <Link to={entry.path} data-testid={`nav-${key}`} onClick={() => setDrawerOpen(false)}>
          {t(entry.label)}
        </Link>
      ),
    };
  };
  // The 内部控制 pages sit in one submenu, where the first of them would have been.
  const controlKeys = keys.filter((key) => NAV[key].group === 'control');
  const items: MenuProps['items'] = keys.flatMap((key): NonNullable<MenuProps['items']> => {
    if (NAV[key].group !== 'control') return [item(key)];
    if (key !== controlKeys[0]) return [];
    return [
      {
        key: CONTROL_GROUP,
        icon: <ControlOutlined />,
        label: <span data-testid="nav-group-control">{t('nav.control')}</span>,
        children: controlKeys.map(item),
      },
    ];
  });
  const selected = navKeyOf(location.pathname);
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={NAV[selected].group === 'control' ? [CONTROL_GROUP] : []}
      items={items}
    />
  );
  const brand = (
    <div className="app-brand">
      <span className="app-brand-mark">绩</span>
      {(!collapsed || isPhone) && <span>{t('app.name')}</span>}
    </div>
  );

  return (
    <Layout className="app-shell">
      {isPhone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          styles={{ body: { padding: 0, background: '#001529' } }}
          closable={false}
        >
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208} className="app-sider">
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <HeaderBar
          menuButton={
            isPhone ? (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.openMenu')}
                onClick={() => setDrawerOpen(true)}
                data-testid="nav-menu"
              />
            ) : null
          }
        />
        <Layout.Content className="app-content">
          <Suspense fallback={pageLoading}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <IdleWarning />
    </Layout>
  );
}
