import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useAuditVerification } from '../../api/control-queries.ts';
import { useReportError } from '../../components/use-report-error.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * 哈希链校验, for administrators: runs the server's check of the whole chain on demand (it reads every
 * entry, so it is never run on page load) and shows the count or the first break the server names.
 */
export function AuditVerifyPanel() {
  const { t } = useI18n();
  const reportError = useReportError();
  const verification = useAuditVerification();
  const result = verification.data;
  const running = verification.isPending;
  const verify = () => verification.mutateAsync().catch((error: unknown) => reportError(error));

  return (
    <Card size="small" title={t('audit.verify.title')} data-testid="audit-verify">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('audit.verify.intro')}</Typography.Text>
        <Button icon={<SafetyCertificateOutlined />} loading={running} onClick={() => void verify()} data-testid="audit-verify-run">
          {t('audit.verify.run')}
        </Button>
        {result?.ok === true && (
          <Alert
            type="success"
            showIcon
            title={t('audit.verify.ok', { count: result.count })}
            description={t('audit.verify.head', { seq: result.head.seq, hash: result.head.hash })}
          />
        )}
        {result?.ok === false && (
          <Alert
            type="error"
            showIcon
            title={t('audit.verify.broken', { problem: t(`audit.verify.problem.${result.broken.problem}`) })}
            description={
              <Space orientation="vertical" size={4}>
                <span>{result.broken.message}</span>
                <span>{t('audit.verify.before', { count: result.count })}</span>
              </Space>
            }
          />
        )}
      </Space>
    </Card>
  );
}
