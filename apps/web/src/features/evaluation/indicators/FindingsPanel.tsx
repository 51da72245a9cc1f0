import { CloseCircleFilled, InfoCircleFilled, WarningFilled } from '@ant-design/icons';
import { Empty, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Finding, Severity } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

const ICON: Readonly<Record<Severity, ReactNode>> = {
  error: <CloseCircleFilled style={{ color: '#cf1322' }} />,
  warning: <WarningFilled style={{ color: '#d48806' }} />,
  info: <InfoCircleFilled style={{ color: '#1677ff' }} />,
};
const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

interface Props {
  readonly findings: readonly Finding[];
  /** Opens the indicator a finding is about (findings name indicators by code). */
  readonly onOpen?: ((indicatorCode: string) => void) | undefined;
}

/** 质量检查: what the checks found, errors first, each in the severity's colour; indicator findings link to the indicator. */
export function FindingsPanel({ findings, onOpen }: Props) {
  const { t, locale } = useI18n();
  if (findings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.none')} />;
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="findings">
      {sorted.map((finding, index) => {
        const text = locale === 'en' ? finding.messageEn : finding.message;
        const indicatorCode = finding.subject.kind === 'indicator' ? finding.subject.id : undefined;
        return (
          <li
            // One indicator can have several findings of a code (its own wording and a narrative sentence); their messages differ.
            key={`${finding.code}:${finding.subject.id ?? index}:${finding.message}`}
            data-severity={finding.severity}
            style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Space align="start">
              {ICON[finding.severity]}
              <span>
                {indicatorCode && onOpen ? <Typography.Link onClick={() => onOpen(indicatorCode)}>{text}</Typography.Link> : text}
                {finding.blocking && (
                  <Typography.Text type="danger" style={{ marginInlineStart: 6, fontSize: 12 }}>
                    {t('findings.blocking')}
                  </Typography.Text>
                )}
              </span>
            </Space>
          </li>
        );
      })}
    </ul>
  );
}
