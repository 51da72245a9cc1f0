import { App, type FormInstance } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useReportError } from './use-report-error.tsx';

interface SaveOptions {
  readonly form?: FormInstance | undefined;
  /** Toast on success; "已保存" when omitted. */
  readonly success?: string | undefined;
}

/**
 * Runs a write: on success a toast and `reload` (so the next write carries the new version); on
 * VERSION_CONFLICT the user is told and the data reloaded; validation messages land on the form.
 * Resolves to whether the write succeeded.
 */
export function useSave(reload: () => void) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const save = useCallback(
    async (write: () => Promise<unknown>, options: SaveOptions = {}): Promise<boolean> => {
      setSaving(true);
      try {
        await write();
        message.success(options.success ?? t('common.saved'));
        reload();
        return true;
      } catch (error) {
        reportError(error, { form: options.form, onConflict: reload });
        return false;
      } finally {
        setSaving(false);
      }
    },
    [message, reload, reportError, t],
  );
  return useMemo(() => ({ save, saving }), [save, saving]);
}
