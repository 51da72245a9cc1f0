import {
  AuditOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileTextOutlined,
  GlobalOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/translate.ts';
import type { NavKey } from '../lib/roles.ts';

export interface NavEntry {
  readonly key: NavKey;
  readonly path: string;
  readonly label: MessageKey;
  readonly icon: ReactNode;
}

export const NAV: Readonly<Record<NavKey, NavEntry>> = {
  dashboard: { key: 'dashboard', path: '/', label: 'nav.dashboard', icon: <DashboardOutlined /> },
  evaluations: { key: 'evaluations', path: '/evaluations', label: 'nav.evaluations', icon: <FileTextOutlined /> },
  reviews: { key: 'reviews', path: '/reviews', label: 'nav.reviews', icon: <CheckSquareOutlined /> },
  admin: { key: 'admin', path: '/admin', label: 'nav.admin', icon: <SettingOutlined /> },
  audit: { key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined /> },
  'public-reports': { key: 'public-reports', path: '/public-reports', label: 'nav.publicReports', icon: <GlobalOutlined /> },
};

/** The menu entry a path belongs to (/evaluations/123 → evaluations). */
export function navKeyOf(pathname: string): NavKey {
  const match = Object.values(NAV)
    .filter((entry) => entry.path !== '/' && (pathname === entry.path || pathname.startsWith(`${entry.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key ?? 'dashboard';
}
