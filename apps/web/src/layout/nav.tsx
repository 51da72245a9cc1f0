import {
  AccountBookOutlined,
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DiffOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundOutlined,
  GiftOutlined,
  GlobalOutlined,
  HddOutlined,
  ImportOutlined,
  PayCircleOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  SmileOutlined,
  SnippetsOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/translate.ts';
import type { NavKey } from '../lib/roles.ts';

export interface NavEntry {
  readonly key: NavKey;
  readonly path: string;
  readonly label: MessageKey;
  readonly icon: ReactNode;
  /** Entries of a group share one submenu (内部控制). */
  readonly group?: 'control';
}

export const NAV: Readonly<Record<NavKey, NavEntry>> = {
  dashboard: { key: 'dashboard', path: '/', label: 'nav.dashboard', icon: <DashboardOutlined /> },
  overview: { key: 'overview', path: '/overview', label: 'nav.overview', icon: <BarChartOutlined /> },
  declarations: { key: 'declarations', path: '/declarations', label: 'nav.declarations', icon: <AimOutlined /> },
  adjustments: { key: 'adjustments', path: '/adjustments', label: 'nav.adjustments', icon: <DiffOutlined /> },
  monitoring: { key: 'monitoring', path: '/monitoring', label: 'nav.monitoring', icon: <AlertOutlined /> },
  evaluations: { key: 'evaluations', path: '/evaluations', label: 'nav.evaluations', icon: <FileTextOutlined /> },
  reviews: { key: 'reviews', path: '/reviews', label: 'nav.reviews', icon: <CheckSquareOutlined /> },
  'ex-ante': { key: 'ex-ante', path: '/ex-ante', label: 'nav.exAnte', icon: <FileSearchOutlined /> },
  surveys: { key: 'surveys', path: '/surveys', label: 'nav.surveys', icon: <SmileOutlined /> },
  rereviews: { key: 'rereviews', path: '/rereviews', label: 'nav.rereviews', icon: <SnippetsOutlined /> },
  rectifications: { key: 'rectifications', path: '/rectifications', label: 'nav.rectifications', icon: <ToolOutlined /> },
  results: { key: 'results', path: '/results', label: 'nav.results', icon: <FundOutlined /> },
  'control-ledger': {
    key: 'control-ledger',
    path: '/control/ledger',
    label: 'nav.controlLedger',
    icon: <AccountBookOutlined />,
    group: 'control',
  },
  'control-payments': {
    key: 'control-payments',
    path: '/control/payments',
    label: 'nav.controlPayments',
    icon: <PayCircleOutlined />,
    group: 'control',
  },
  'control-procurements': {
    key: 'control-procurements',
    path: '/control/procurements',
    label: 'nav.controlProcurements',
    icon: <ShoppingCartOutlined />,
    group: 'control',
  },
  'control-contracts': {
    key: 'control-contracts',
    path: '/control/contracts',
    label: 'nav.controlContracts',
    icon: <FileProtectOutlined />,
    group: 'control',
  },
  'control-assets': { key: 'control-assets', path: '/control/assets', label: 'nav.controlAssets', icon: <HddOutlined />, group: 'control' },
  'control-subsidies': {
    key: 'control-subsidies',
    path: '/control/subsidies',
    label: 'nav.controlSubsidies',
    icon: <GiftOutlined />,
    group: 'control',
  },
  'control-import': {
    key: 'control-import',
    path: '/control/import',
    label: 'nav.controlImport',
    icon: <ImportOutlined />,
    group: 'control',
  },
  'control-self-assessment': {
    key: 'control-self-assessment',
    path: '/control/self-assessment',
    label: 'nav.controlSelfAssessment',
    icon: <SafetyCertificateOutlined />,
    group: 'control',
  },
  admin: { key: 'admin', path: '/admin', label: 'nav.admin', icon: <SettingOutlined /> },
  audit: { key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined /> },
  library: { key: 'library', path: '/library', label: 'nav.library', icon: <BookOutlined /> },
  'public-reports': { key: 'public-reports', path: '/public-reports', label: 'nav.publicReports', icon: <GlobalOutlined /> },
};

/** The menu entry a path belongs to (/evaluations/123 → evaluations). */
export function navKeyOf(pathname: string): NavKey {
  const match = Object.values(NAV)
    .filter((entry) => entry.path !== '/' && (pathname === entry.path || pathname.startsWith(`${entry.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key ?? 'dashboard';
}
