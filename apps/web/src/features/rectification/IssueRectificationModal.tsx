import { RECTIFICATION_SOURCE_KIND } from '@jixiao/contract';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useOrganisations } from '../../api/admin-queries.ts';
import { useRectificationWrites } from '../../api/rectification-queries.ts';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { RectificationSourceKind } from './labels.ts';

export interface IssuePreset {
  readonly organisationId?: string | undefined;
  readonly sourceKind?: RectificationSourceKind | undefined;
  readonly sourceId?: string | undefined;
}

interface IssueForm {
  organisationId: string;
  sourceKind: RectificationSourceKind;
  sourceId?: string;
  sourceTitle?: string;
  fiscalYear?: number;
  problem: string;
  measures: string;
  ownerName?: string;
  deadline: string;
}

/** 下发整改通知: to a unit or department under the organisations the server says the user may issue in. */
export function IssueRectificationModal({
  open,
  issueIn,
  preset,
  onClose,
  onIssued,
}: {
  open: boolean;
  issueIn: readonly string[];
  preset: IssuePreset;
  onClose: () => void;
  onIssued: (id: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<IssueForm>();
  const organisations = useOrganisations(open);
  const writes = useRectificationWrites();
  const { write, saving } = useWrite();
  const kind = Form.useWatch('sourceKind', form);
  useEffect(() => {
    if (open)
      form.setFieldsValue({ sourceKind: preset.sourceKind ?? 'audit', organisationId: preset.organisationId, sourceId: preset.sourceId });
  }, [open, preset, form]);

  const all = organisations.data?.items ?? [];
  const parent = new Map(all.map((entry) => [entry.id, entry.parentId]));
  const under = (id: string) => {
    for (let at: string | null | undefined = id; at; at = parent.get(at)) if (issueIn.includes(at)) return true;
    return false;
  };
  const targets = all.filter((entry) => entry.kind !== 'finance-bureau' && under(entry.id));

  const submit = async () => {
    const values = await form.validateFields();
    Modal.confirm({
      title: t('rectification.issue'),
      content: t('rectification.confirmIssue'),
      onOk: () =>
        write(
          async () => {
            const created = await writes.issue.mutateAsync({
              organisationId: values.organisationId,
              sourceKind: values.sourceKind,
              sourceId: values.sourceId?.trim() || null,
              ...(values.sourceTitle?.trim() ? { sourceTitle: values.sourceTitle } : {}),
              ...(values.fiscalYear ? { fiscalYear: values.fiscalYear } : {}),
              problem: values.problem,
              measures: values.measures
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
              ownerName: values.ownerName?.trim() || null,
              deadline: values.deadline,
            });
            form.resetFields();
            onIssued(created.id);
          },
          { form },
        ),
    });
  };

  return (
    <Modal
      open={open}
      title={t('rectification.issue')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="rectification-issue-form">
        <Form.Item name="organisationId" label={t('rectification.unit')} rules={[{ required: true, message: t('rectification.required') }]}>
          <Select showSearch optionFilterProp="label" options={targets.map((entry) => ({ value: entry.id, label: entry.name }))} />
        </Form.Item>
        <Form.Item name="sourceKind" label={t('rectification.source')} rules={[{ required: true }]}>
          <Select options={RECTIFICATION_SOURCE_KIND.map((value) => ({ value, label: t(`rectification.kind.${value}`) }))} />
        </Form.Item>
        {kind !== 'self-evaluation' && (
          <>
            <Form.Item
              name="sourceTitle"
              label={t('rectification.sourceTitle')}
              rules={[{ required: true, message: t('rectification.required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="sourceId" label={t('rectification.sourceRef')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="fiscalYear"
              label={t('rectification.fiscalYear')}
              rules={[{ required: true, message: t('rectification.required') }]}
            >
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          </>
        )}
        {kind === 'self-evaluation' && (
          <Form.Item name="sourceId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item
          name="problem"
          label={t('rectification.problem')}
          rules={[{ required: true, whitespace: true, message: t('rectification.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="measures"
          label={t('rectification.measures')}
          rules={[{ required: true, whitespace: true, message: t('rectification.required') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="ownerName" label={t('rectification.owner')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="deadline" label={t('rectification.deadline')} rules={[{ required: true, message: t('rectification.required') }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
