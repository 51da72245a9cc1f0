import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type Changes, invalidate, invalidateOnConflict } from '../api/control-cache.ts';
import { type ControlViolation, controlViolations } from '../api/control-violations.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useReportError } from './use-report-error.tsx';

interface ActionOptions {
  readonly form?: FormInstance | undefined;
  /** Toast on success; "已保存" when omitted, none when null. */
  readonly success?: string | null | undefined;
}

/**
 * Runs an internal-control step (a write the server checks against the control rules) as a mutation
 * that invalidates `changes` (api/control-cache.ts), on success and on VERSION_CONFLICT. Like useWrite
 * it toasts and maps validation errors onto the form; a CONTROL_RULE_VIOLATED refusal is kept as
 * `violations` for a <ControlViolations> beside the form, every rule listed. `busy` names the step
 * under way, so only its button spins.
 */
export function useControlAction(changes: Changes) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (write: () => Promise<unknown>) => write(),
    onSuccess: () => invalidate(client, changes),
    onError: (error) => invalidateOnConflict(client, changes, error),
  });
  const { mutateAsync } = mutation;
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
        await mutateAsync(write);
        if (options.success !== null) message.success(options.success ?? t('common.saved'));
        return true;
      } catch (error) {
        const broken = controlViolations(error);
        if (broken) {
          setViolations(broken);
          message.error(t('control.violationsTitle', { count: broken.length }));
        } else {
          reportError(error, { form: options.form });
        }
        return false;
      } finally {
        setBusy(null);
      }
    },
    [message, mutateAsync, reportError, t],
  );
  const clearViolations = useCallback(() => setViolations(null), []);
  return useMemo(() => ({ run, busy, violations, clearViolations }), [run, busy, violations, clearViolations]);
}
