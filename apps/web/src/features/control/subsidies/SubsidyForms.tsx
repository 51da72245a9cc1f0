import type { BudgetLine, CreateGrantBody, Recipient } from '@jixiao/contract';
import { Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { changesOf } from '../../../api/control-cache.ts';
import { subsidyApi } from '../../../api/endpoints.ts';
import { ControlViolations } from '../../../components/ControlViolations.tsx';
import { requiredAmountRules } from '../../../components/form-rules.ts';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useControlAction } from '../../../components/use-control-action.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { parseMoneyInput } from '../../../lib/money.ts';
import { BudgetLineSelect } from '../shared/BudgetLineSelect.tsx';

/** 登记补贴对象 (经办人): an enterprise by its 统一社会信用代码, checked against GB 32100-2015 and registered once. */
export function CreateRecipientModal({ open, organisationId, onClose }: { open: boolean; organisationId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string; uscc: string; contact: string }>();
  const action = useControlAction(changesOf.recipient());
  return (
    <Modal
      open={open}
      forceRender
      title={t('recipient.create')}
      okText={t('common.create')}
      confirmLoading={action.busy === 'create'}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ControlViolations violations={action.violations} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          void action
            .run(
              'create',
              () =>
                subsidyApi.createRecipient({
                  organisationId,
                  name: values.name.trim(),
                  uscc: values.uscc.trim(),
                  contact: values.contact?.trim() || null,
                }),
              { form, success: t('recipient.created') },
            )
            .then((ok) => {
              if (ok) {
                form.resetFields();
                onClose();
              }
            })
        }
      >
        <Form.Item name="name" label={t('recipient.name')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="uscc" label={t('recipient.uscc')} rules={[{ required: true, whitespace: true }, { max: 40 }]}>
          <Input maxLength={40} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="contact" label={t('recipient.contact')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface GrantValues {
  recipientId: string;
  budgetLineId: string;
  programme: string;
  amount: string;
  awardedOn: Dayjs;
  dueOn: Dayjs;
  conditions: string;
}

/** 登记补贴 (经办人): paid from a 项目支出 line with the balance for it; the amount is reserved on the line. */
export function CreateGrantModal({
  open,
  organisationId,
  lines,
  recipients,
  onClose,
}: {
  open: boolean;
  organisationId: string;
  lines: readonly BudgetLine[];
  recipients: readonly Recipient[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<GrantValues>();
  const action = useControlAction(changesOf.grant());
  const submit = async (values: GrantValues) => {
    const body: CreateGrantBody = {
      organisationId,
      recipientId: values.recipientId,
      budgetLineId: values.budgetLineId,
      programme: values.programme.trim(),
      amount: parseMoneyInput(values.amount) ?? values.amount,
      awardedOn: values.awardedOn.format('YYYY-MM-DD'),
      dueOn: values.dueOn.format('YYYY-MM-DD'),
      conditions: values.conditions?.trim() || null,
    };
    if (await action.run('create', () => subsidyApi.createGrant(body), { form, success: t('grant.created') })) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal
      open={open}
      forceRender
      width={680}
      title={t('grant.create')}
      okText={t('common.create')}
      confirmLoading={action.busy === 'create'}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ControlViolations violations={action.violations} />
      <Form<GrantValues>
        form={form}
        layout="vertical"
        initialValues={{ programme: '产业扶持资金' }}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={12}>
          <Col xs={24}>
            <Form.Item name="recipientId" label={t('grant.recipient')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={recipients.map((recipient) => ({
                  value: recipient.id,
                  label: `${recipient.name}${t('common.paren', { text: recipient.uscc })}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="budgetLineId"
              label={t('line.name')}
              rules={[{ required: true, message: t('payment.lineRequired') }]}
              extra={t('grant.projectOnly')}
            >
              <BudgetLineSelect lines={lines} projectOnly />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="programme" label={t('grant.programme')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="amount"
              label={t('grant.amount')}
              rules={requiredAmountRules(t('validation.money'), t('payment.amountPositive'))}
            >
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="awardedOn" label={t('grant.awardedOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="dueOn" label={t('grant.dueOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="conditions" label={t('grant.conditions')} rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
