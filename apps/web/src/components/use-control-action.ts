import { App, type FormInstance } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type ControlViolation, controlViolations } from '../api/control-violations.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useReportError } from './use-report-error.tsx';

interface ActionOptions {
  readonly form?: FormInstance | undefined;
  /** Toast on success; "已保存" when omitted, none when null. */
  readonly success?: string | null | undefined;
}

/**
 * Runs an internal-control step (a write the server checks against the control rules). Like useSave
 * it toasts, reloads and maps validation errors onto the form; a CONTROL_RULE_VIOLATED refusal is
 * kept as `violations` for a <ControlViolations> beside the form, every rule listed. `busy` names the
 * step under way, so only its button spins. It keeps reload callbacks (issue 8) until the internal-control
 * pages, being changed on other branches, move to the query cache.
 */
export function useControlAction(reload: () => void) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [violations, setViolations] = useState<ControlViolation[] | null>(null);

  const run = useCallback(
    async (name: string, write: () => Promise<unknown>, options: ActionOptions = {}): Promise<boolean> => {
      setBusy(name);
      setViolations(null);
      try {
        await write();
        if (options.success !== null) message.success(options.success ?? t('common.saved'));
        reload();
        return true;
      } catch (error) {
        const broken = controlViolations(error);
        if (broken) {
          setViolations(broken);
          message.error(t('control.violationsTitle', { count: broken.length }));
        } else {
          reportError(error, { form: options.form, onConflict: reload });
        }
        return false;
      } finally {
        setBusy(null);
      }
    },
    [message, reload, reportError, t],
  );
  const clearViolations = useCallback(() => setViolations(null), []);
  return useMemo(() => ({ run, busy, violations, clearViolations }), [run, busy, violations, clearViolations]);
}
