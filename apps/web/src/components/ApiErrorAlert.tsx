import { Alert, Button } from 'antd';
import { ApiError, errorText } from '../api/api-error.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * A failed load, in place of the content: the server's message and request id, and a retry. Any error
 * is accepted (a query's error is typed Error); one the client did not make is shown by its text.
 */
export function ApiErrorAlert({ error: failure, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const error = failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT_ERROR', String(failure), null, null);
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
