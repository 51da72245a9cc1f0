import type { MonitoringFormDetail } from '@jixiao/contract';
import { Form, Input, Modal } from 'antd';
import { useMonitoringWrites } from '../../api/monitoring-queries.ts';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

interface RectifyValues {
  problem: string;
  measures: string;
  deadline: string;
}

/**
 * 发起整改 from a monitoring form: the notice goes to the form's unit with the form as its source, so
 * only what the bureau found, what it asks for and by when are asked here (the general 下发整改通知 asks
 * for the unit and the source as well, which the form already fixes).
 */
export function RectifyModal({ form, open, onClose }: { form: MonitoringFormDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [fields] = Form.useForm<RectifyValues>();
  const writes = useMonitoringWrites();
  const { write, saving } = useWrite();
  const required = { required: true, whitespace: true, message: t('monitoring.required') };

  const submit = async () => {
    const values = await fields.validateFields();
    Modal.confirm({
      title: t('monitoring.rectify'),
      content: t('monitoring.confirmRectify', { unit: form.organisationName }),
      onOk: async () => {
        const ok = await write(
          () =>
            writes.rectify.mutateAsync({
              id: form.id,
              body: {
                problem: values.problem,
                measures: values.measures
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean),
                deadline: values.deadline,
              },
            }),
          { form: fields, success: t('monitoring.rectified') },
        );
        if (ok) onClose();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('monitoring.rectify')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={fields} layout="vertical" data-testid="monitoring-rectify-form">
        <Form.Item name="problem" label={t('monitoring.rectifyProblem')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="measures" label={t('monitoring.rectifyMeasures')} extra={t('monitoring.rectifyMeasuresHint')} rules={[required]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="deadline" label={t('monitoring.rectifyDeadline')} rules={[{ required: true, message: t('monitoring.required') }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
