import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, classifyError, errorText, type FieldIssue, mapFieldErrors } from '../api/api-error.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface ReportOptions {
  /** Validation messages go onto this form's fields where a field matches the server's path. */
  readonly form?: FormInstance | undefined;
  /** Called on VERSION_CONFLICT, after telling the user: reload the record. */
  readonly onConflict?: (() => void) | undefined;
}

function IssueList({ title, issues }: { title: string; issues: readonly FieldIssue[] }) {
  return (
    <div style={{ textAlign: 'start' }}>
      <div>{title}</div>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The app's one way of telling the user that something failed. Sign-in problems are already handled
 * by the session provider; a conflict reloads; validation messages land on the form's fields;
 * everything else is a toast with the Chinese message and the request id.
 */
export function useReportError(): (error: unknown, options?: ReportOptions) => void {
  const { message } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (error: unknown, options: ReportOptions = {}) => {
      if (!(error instanceof ApiError)) {
        console.error(error);
        message.error(t('error.unexpected'));
        return;
      }
      switch (classifyError(error)) {
        case 'sign-in':
        case 'change-password':
          return;
        case 'conflict':
          message.warning({ content: `${error.message} ${t('error.conflictReloaded')}`, duration: 8 });
          options.onConflict?.();
          return;
        case 'validation': {
          const form = options.form;
          // getFieldsValue() has a key for every field the form shows, even an empty one.
          const shown: object = form?.getFieldsValue() ?? {};
          const { fields, rest } = mapFieldErrors(error.details, (name) => Object.hasOwn(shown, name));
          if (form && fields.length > 0) form.setFields(fields);
          if (rest.length > 0) message.error({ content: <IssueList title={error.message} issues={rest} />, duration: 10 });
          else if (fields.length === 0) message.error(errorText(error, t('error.requestId')));
          return;
        }
        default:
          message.error({ content: errorText(error, t('error.requestId')), duration: 8 });
      }
    },
    [message, t],
  );
}
