import { Alert, Button } from 'antd';
import { type ApiError, errorText } from '../api/api-error.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A failed load, in place of the content: the server's message and request id, and a retry. */
export function ApiErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  if (error.isMissingEndpoint) {
    return <Alert type="info" showIcon title={t('error.endpointMissing')} description={error.message} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('error.loadFailed')}
      description={errorText(error, t('error.requestId'))}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
