import { App, type FormInstance } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useReportError } from './use-report-error.tsx';

export interface WriteOptions {
  readonly form?: FormInstance | undefined;
  /** Toast on success; "已保存" when omitted. */
  readonly success?: string | undefined;
  /** Called on VERSION_CONFLICT after telling the user (writes through a mutation refetch there already). */
  readonly onConflict?: (() => void) | undefined;
}

/**
 * Runs a write and tells the user how it went: a toast on success; on failure the app's one error
 * report (validation messages onto the form's fields, a conflict explained). What the write changes
 * in the cache is its mutation's business, not the caller's. Resolves to whether the write succeeded.
 */
export function useWrite() {
  const { message } = App.useApp();
  const reportError = useReportError();
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const write = useCallback(
    async (run: () => Promise<unknown>, options: WriteOptions = {}): Promise<boolean> => {
      setSaving(true);
      try {
        await run();
        message.success(options.success ?? t('common.saved'));
        return true;
      } catch (error) {
        reportError(error, { form: options.form, onConflict: options.onConflict });
        return false;
      } finally {
        setSaving(false);
      }
    },
    [message, reportError, t],
  );
  return useMemo(() => ({ write, saving }), [write, saving]);
}
