import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The pages with a guide, by the start of their path; the longest match wins (/evaluations/:id before /evaluations). */
const GUIDES = [
  ['/evaluations/', 'evaluation'],
  ['/evaluations', 'evaluations'],
  ['/reviews', 'reviews'],
  ['/declarations', 'declarations'],
  ['/control/ledger', 'ledger'],
  ['/control/payments', 'payments'],
  ['/control/procurements', 'procurements'],
  ['/control/contracts', 'contracts'],
  ['/control/assets', 'assets'],
  ['/control/subsidies', 'subsidies'],
  ['/audit', 'audit'],
  ['/overview', 'overview'],
  ['/results', 'results'],
] as const;

type Guide = (typeof GUIDES)[number][1];

export function guideOf(pathname: string): Guide | null {
  return GUIDES.find(([prefix]) => pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`))?.[1] ?? null;
}

/** 帮助 in the header: the current page's short guide and the rules it follows, in the interface's language. */
export function PageHelp() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const guide = guideOf(pathname);
  if (!guide) return null;
  return (
    <>
      <Button icon={<QuestionCircleOutlined />} onClick={() => setOpen(true)} data-testid="page-help" aria-label={t('help.button')}>
        {screens.lg ? t('help.button') : null}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t(`help.${guide}.title`)} size={420} data-testid="page-help-drawer">
        {t(`help.${guide}.body`)
          .split('\n')
          .map((line) => (
            <Typography.Paragraph key={line}>{line}</Typography.Paragraph>
          ))}
        <Typography.Title level={5}>{t('help.rules')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t(`help.${guide}.rules`)}</Typography.Paragraph>
      </Drawer>
    </>
  );
}
