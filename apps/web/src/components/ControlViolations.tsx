import { Alert, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ControlViolation } from '../api/control-violations.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * The rules an internal-control step broke, every one with the server's Chinese reason (内部控制
 * refusals are expected outcomes, so they stay in place beside the form instead of in a toast).
 */
export function ControlViolations({ violations, action }: { violations: readonly ControlViolation[] | null; action?: ReactNode }) {
  const { t } = useI18n();
  if (!violations || violations.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('control.violationsTitle', { count: violations.length })}
      data-testid="control-violations"
      description={
        <>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {violations.map((violation) => (
              <li key={`${violation.code}:${violation.message}`} data-testid={`violation-${violation.code}`} className="wrap-text">
                {violation.message}
                {violation.confirmable && (
                  <Tag color="warning" style={{ marginInlineStart: 6 }}>
                    {t('control.confirmable')}
                  </Tag>
                )}
              </li>
            ))}
          </ul>
          {action}
        </>
      }
    />
  );
}
