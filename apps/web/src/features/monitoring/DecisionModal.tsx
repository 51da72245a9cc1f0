import type { MonitoringFormDetail } from '@jixiao/contract';
import { Alert, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useMonitoringWrites } from '../../api/monitoring-queries.ts';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * 审核: approve or return a form with the reviewer's opinion, confirmed in this modal. A return needs the
 * opinion (the unit must know what to change); the finance bureau's approval needs it too, and the server
 * says so by name if it is missing.
 */
export function DecisionModal({
  form,
  action,
  onClose,
}: {
  form: MonitoringFormDetail;
  action: 'approve' | 'return' | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const writes = useMonitoringWrites();
  const { write, saving } = useWrite();
  const [opinion, setOpinion] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (action) {
      setOpinion('');
      setMissing(false);
    }
  }, [action]);
  const finance = form.status === 'department_approved';
  const needsOpinion = action === 'return' || finance;

  const confirm = async () => {
    if (!action) return;
    if (needsOpinion && !opinion.trim()) {
      setMissing(true);
      return;
    }
    const ok = await write(
      () => writes.decide.mutateAsync({ id: form.id, body: { version: form.version, action, ...(opinion.trim() ? { opinion } : {}) } }),
      { success: t(action === 'approve' ? 'monitoring.approved' : 'monitoring.returned') },
    );
    if (ok) onClose();
  };

  return (
    <Modal
      open={action !== null}
      title={action ? t(`monitoring.decision.${action}`) : ''}
      okText={action ? t(`monitoring.${action}`) : ''}
      okButtonProps={{ danger: action === 'return', ...{ 'data-testid': 'monitoring-decision-ok' } }}
      confirmLoading={saving}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{action ? t(`monitoring.confirm.${action}`, { title: form.title }) : ''}</Typography.Paragraph>
      <Typography.Text>{needsOpinion ? t('monitoring.opinionRequired') : t('monitoring.opinion')}</Typography.Text>
      <Input.TextArea
        rows={4}
        maxLength={2000}
        value={opinion}
        status={missing ? 'error' : undefined}
        onChange={(event) => {
          setOpinion(event.target.value);
          setMissing(false);
        }}
        data-testid="monitoring-opinion"
      />
      {missing && <Alert style={{ marginTop: 8 }} type="error" showIcon message={t('monitoring.opinionMissing')} />}
    </Modal>
  );
}
