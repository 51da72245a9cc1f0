import { CLOSURE_KINDS, type ClosureKind, type ContractDetail } from '@jixiao/contract';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Space } from 'antd';
import { useEffect } from 'react';
import { changesOf } from '../../../api/control-cache.ts';
import { contractApi } from '../../../api/endpoints.ts';
import { ControlViolations } from '../../../components/ControlViolations.tsx';
import { Money } from '../../../components/Money.tsx';
import { useControlAction } from '../../../components/use-control-action.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { formatMoney } from '../../../lib/money.ts';

export type ClosureMode = 'request' | 'decide';

interface Values {
  kind: ClosureKind;
  reason: string;
  opinion: string;
}

/**
 * 合同结清 / 终止: the request (kind and reason, with what approval will release stated before it is
 * sent) and the approver's decision on it (批准 or 驳回 with an opinion). The server decides who may do
 * which; the drawer shows the buttons it allows (permissions.requestClosure, permissions.decideClosure).
 */
export function ContractClosureModal({
  contract,
  mode,
  onClose,
}: {
  contract: ContractDetail;
  mode: ClosureMode | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const action = useControlAction(changesOf.contract());
  const kind = Form.useWatch('kind', form) ?? 'terminated';
  const pending = contract.closures.find((closure) => closure.status === 'requested');
  const { clearViolations } = action;

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    clearViolations();
  }, [mode, form, clearViolations]);

  const request = async (values: Values) => {
    const body = { version: contract.version, kind: values.kind, reason: values.reason.trim() };
    if (await action.run('request', () => contractApi.requestClosure(contract.id, body), { form, success: t('contract.closeRequested') }))
      onClose();
  };

  const decide = async (approve: boolean) => {
    if (!pending) return;
    const opinion = (form.getFieldValue('opinion') as string | undefined)?.trim() ?? '';
    if (!approve && !opinion) {
      form.setFields([{ name: 'opinion', errors: [t('contract.closeOpinionRequired')] }]);
      return;
    }
    const body = { version: contract.version, approve, ...(opinion ? { opinion } : {}) };
    const success = approve ? t('contract.closeApproved') : t('contract.closeRejected');
    if (await action.run(approve ? 'approve' : 'reject', () => contractApi.decideClosure(contract.id, pending.id, body), { form, success }))
      onClose();
  };

  const confirm = (
    <Alert
      type="warning"
      showIcon
      title={t('contract.closeConfirm', {
        unpaid: formatMoney(contract.unpaid),
        line: `${contract.budgetLineCode} ${contract.budgetLineName}`,
      })}
      data-testid="closure-confirm"
    />
  );

  if (mode === 'decide' && pending) {
    return (
      <Modal
        open
        forceRender
        width={640}
        title={t('contract.closeDecideTitle', { kind: t(`closureKind.${pending.kind}`) })}
        onCancel={onClose}
        footer={
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button danger loading={action.busy === 'reject'} onClick={() => void decide(false)} data-testid="closure-reject">
              {t('contract.closeReject')}
            </Button>
            <Button type="primary" loading={action.busy === 'approve'} onClick={() => void decide(true)} data-testid="closure-approve">
              {t('contract.closeApprove')}
            </Button>
          </Space>
        }
      >
        <ControlViolations violations={action.violations} />
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'kind', label: t('contract.closeKind'), children: t(`closureKind.${pending.kind}`) },
              { key: 'reason', label: t('contract.closeReason'), children: pending.reason },
              {
                key: 'by',
                label: t('contract.closeRequestedBy'),
                children: `${pending.requestedByName} · ${formatDateTime(pending.requestedAt)}`,
              },
              { key: 'unpaid', label: t('line.committed'), children: <Money value={contract.unpaid} /> },
            ]}
          />
          {confirm}
          <Form<Values> form={form} layout="vertical">
            <Form.Item name="opinion" label={t('contract.closeOpinion')} rules={[{ max: 1000 }]}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="closure-opinion" />
            </Form.Item>
          </Form>
        </Space>
      </Modal>
    );
  }

  return (
    <Modal
      open={mode === 'request'}
      forceRender
      width={640}
      title={t('contract.closeTitle')}
      okText={t('contract.closeSubmit')}
      okButtonProps={{ loading: action.busy === 'request', 'data-testid': 'closure-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ControlViolations violations={action.violations} />
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'terminated' }} onFinish={(values) => void request(values)}>
        <Form.Item name="kind" label={t('contract.closeKind')} extra={t(`contract.closeKindHint.${kind}`)}>
          <Radio.Group
            optionType="button"
            options={CLOSURE_KINDS.map((value) => ({ value, label: t(`closureKind.${value}`) }))}
            data-testid="closure-kind"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('contract.closeReason')}
          rules={[{ required: true, whitespace: true, message: t('contract.closeReasonRequired') }, { max: 1000 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="closure-reason" />
        </Form.Item>
      </Form>
      {confirm}
    </Modal>
  );
}
