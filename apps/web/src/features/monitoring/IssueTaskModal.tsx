import { MONITORING_TASK_KIND } from '@jixiao/contract';
import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useOrganisations } from '../../api/admin-queries.ts';
import { useMonitoringWrites } from '../../api/monitoring-queries.ts';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { chinaToday } from '../../lib/dates.ts';
import { lastMonthEnd } from './monitoring-form.ts';

interface IssueValues {
  fiscalYear: number;
  title?: string;
  cutoffDate: string;
  kind: (typeof MONITORING_TASK_KIND)[number];
  deadline: string;
  targets: 'all' | 'chosen';
  organisationIds?: string[];
}

/** 下达监控任务: the cut-off, 一般 or 重点, the deadline, and all units or a chosen list; confirmed before it goes. */
export function IssueTaskModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (id: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<IssueValues>();
  const organisations = useOrganisations(open);
  const writes = useMonitoringWrites();
  const { write, saving } = useWrite();
  const targets = Form.useWatch('targets', form);
  useEffect(() => {
    if (!open) return;
    const today = chinaToday();
    const cutoffDate = lastMonthEnd(today);
    form.setFieldsValue({
      fiscalYear: Number(cutoffDate.slice(0, 4)),
      cutoffDate,
      kind: 'general',
      deadline: dayjs(today).add(14, 'day').format('YYYY-MM-DD'),
      targets: 'all',
    });
  }, [open, form]);
  const choices = (organisations.data?.items ?? []).filter((entry) => entry.kind !== 'finance-bureau');

  const submit = async () => {
    const values = await form.validateFields();
    const count =
      values.targets === 'all' ? t('monitoring.issueAll') : t('monitoring.issueChosen', { count: values.organisationIds?.length ?? 0 });
    Modal.confirm({
      title: t('monitoring.issue'),
      content: t('monitoring.confirmIssue', { cutoff: values.cutoffDate, deadline: values.deadline, targets: count }),
      onOk: async () => {
        let id = '';
        const ok = await write(
          async () => {
            id = (
              await writes.issue.mutateAsync({
                fiscalYear: values.fiscalYear,
                ...(values.title?.trim() ? { title: values.title.trim() } : {}),
                cutoffDate: values.cutoffDate,
                kind: values.kind,
                deadline: values.deadline,
                targets: values.targets,
                ...(values.targets === 'chosen' ? { organisationIds: values.organisationIds ?? [] } : {}),
              })
            ).id;
          },
          { form, success: t('monitoring.issued') },
        );
        if (ok) {
          form.resetFields();
          onIssued(id);
        }
      },
    });
  };

  const required = { required: true, message: t('monitoring.required') };
  return (
    <Modal open={open} title={t('monitoring.issue')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="monitoring-issue-form">
        <Form.Item name="fiscalYear" label={t('monitoring.fiscalYear')} rules={[required]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="title" label={t('monitoring.taskTitle')} extra={t('monitoring.taskTitleHint')}>
          <Input maxLength={200} data-testid="monitoring-issue-title" />
        </Form.Item>
        <Form.Item name="cutoffDate" label={t('monitoring.cutoff')} extra={t('monitoring.cutoffHint')} rules={[required]}>
          <Input type="date" data-testid="monitoring-issue-cutoff" />
        </Form.Item>
        <Form.Item name="kind" label={t('monitoring.kind')} rules={[required]}>
          <Radio.Group options={MONITORING_TASK_KIND.map((kind) => ({ value: kind, label: t(`monitoring.kindOf.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="deadline" label={t('monitoring.deadline')} rules={[required]}>
          <Input type="date" data-testid="monitoring-issue-deadline" />
        </Form.Item>
        <Form.Item name="targets" label={t('monitoring.targets')} rules={[required]}>
          <Radio.Group
            options={[
              { value: 'all', label: t('monitoring.targetsAll') },
              { value: 'chosen', label: t('monitoring.targetsChosen') },
            ]}
          />
        </Form.Item>
        {targets === 'chosen' && (
          <Form.Item name="organisationIds" label={t('monitoring.targetsList')} rules={[{ ...required, type: 'array', min: 1 }]}>
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              data-testid="monitoring-issue-targets"
              options={choices.map((entry) => ({ value: entry.id, label: entry.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
