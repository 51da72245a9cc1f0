import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { BudgetLine, CreateContractBody, Procurement } from '@jixiao/contract';
import { Alert, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { changesOf } from '../../../api/control-cache.ts';
import { contractApi } from '../../../api/endpoints.ts';
import { ControlViolations } from '../../../components/ControlViolations.tsx';
import { requiredAmountRules } from '../../../components/form-rules.ts';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useControlAction } from '../../../components/use-control-action.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { compareMoney, formatMoney, parseMoneyInput, sumMoney } from '../../../lib/money.ts';
import { BudgetLineSelect } from '../shared/BudgetLineSelect.tsx';

interface Values {
  budgetLineId: string;
  procurementId: string | null;
  code: string;
  title: string;
  counterpartyName: string;
  counterpartyUscc: string;
  amount: string;
  signedOn: Dayjs;
  milestones: { description: string; amount: string; dueOn: Dayjs | null }[];
}

const money = (value: string) => parseMoneyInput(value) ?? value;

/**
 * 登记合同 (the signer: 经办人 or 审批人): the milestones must add up to the contract amount, and a
 * contract under a procurement must match its award. Signing reserves the amount on the budget line.
 */
export function CreateContractModal({
  open,
  organisationId,
  lines,
  procurements,
  initialProcurementId,
  onClose,
}: {
  open: boolean;
  organisationId: string;
  lines: readonly BudgetLine[];
  /** Awarded procurements of the unit, to sign under. */
  procurements: readonly Procurement[];
  initialProcurementId?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const action = useControlAction(changesOf.contract());
  const amount = Form.useWatch('amount', form) ?? '';
  const milestones = Form.useWatch('milestones', form) ?? [];
  const milestoneTotal = sumMoney(milestones.map((milestone) => parseMoneyInput(milestone?.amount ?? '')));
  const parsedAmount = parseMoneyInput(amount);
  const mismatch = parsedAmount !== null && compareMoney(milestoneTotal, parsedAmount) !== 0;

  const fillFromProcurement = (id: string | null | undefined) => {
    const chosen = procurements.find((entry) => entry.id === id);
    if (!chosen) return;
    form.setFieldsValue({
      budgetLineId: chosen.budgetLineId,
      title: `${chosen.title}合同`,
      counterpartyName: chosen.supplierName ?? '',
      counterpartyUscc: chosen.supplierUscc ?? '',
      amount: chosen.result ?? '',
    });
  };

  // Opening the dialog starts afresh, filled in from the procurement it was opened for as soon as the
  // list of awarded procurements holds it (the page loads that list only once the dialog opens); later
  // choices fill in through onChange, so a reload of the list must not reset what is typed.
  const pendingFill = useRef<string | null>(null);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    pendingFill.current = initialProcurementId ?? null;
    if (initialProcurementId) form.setFieldValue('procurementId', initialProcurementId);
  }, [open, form, initialProcurementId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fillFromProcurement reads the current list, which is a dependency
  useEffect(() => {
    const id = pendingFill.current;
    if (!open || !id || !procurements.some((entry) => entry.id === id)) return;
    pendingFill.current = null;
    fillFromProcurement(id);
  }, [open, procurements]);

  const submit = async (values: Values) => {
    const body: CreateContractBody = {
      organisationId,
      budgetLineId: values.budgetLineId,
      procurementId: values.procurementId ?? null,
      code: values.code.trim(),
      title: values.title.trim(),
      counterpartyName: values.counterpartyName.trim(),
      counterpartyUscc: values.counterpartyUscc.trim(),
      amount: money(values.amount),
      signedOn: values.signedOn.format('YYYY-MM-DD'),
      milestones: values.milestones.map((milestone) => ({
        description: milestone.description.trim(),
        amount: money(milestone.amount),
        dueOn: milestone.dueOn ? milestone.dueOn.format('YYYY-MM-DD') : null,
      })),
    };
    if (await action.run('create', () => contractApi.create(body), { form, success: t('contract.created') })) onClose();
  };

  return (
    <Modal
      open={open}
      forceRender
      width={760}
      title={t('contract.create')}
      okText={t('common.create')}
      confirmLoading={action.busy === 'create'}
      okButtonProps={{ 'data-testid': 'contract-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ControlViolations violations={action.violations} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ milestones: [{ description: '', amount: '', dueOn: null }] }}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="procurementId" label={t('contract.procurement')}>
              <Select
                allowClear
                placeholder={t('contract.noProcurement')}
                options={procurements.map((entry) => ({ value: entry.id, label: `${entry.code} ${entry.title}` }))}
                onChange={(id: string | undefined) => fillFromProcurement(id)}
                data-testid="contract-procurement"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="budgetLineId" label={t('line.name')} rules={[{ required: true, message: t('payment.lineRequired') }]}>
              <BudgetLineSelect lines={lines} data-testid="contract-line-select" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="code" label={t('contract.code')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
              <Input maxLength={60} data-testid="contract-code" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="title" label={t('contract.titleField')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
              <Input maxLength={200} data-testid="contract-title" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="counterpartyName"
              label={t('contract.counterparty')}
              rules={[{ required: true, whitespace: true }, { max: 200 }]}
            >
              <Input maxLength={200} data-testid="contract-counterparty" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="counterpartyUscc"
              label={t('contract.counterpartyUscc')}
              rules={[{ required: true, whitespace: true }, { max: 40 }]}
            >
              <Input maxLength={40} style={{ textTransform: 'uppercase' }} data-testid="contract-counterparty-uscc" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="amount"
              label={t('contract.amount')}
              rules={requiredAmountRules(t('validation.money'), t('payment.amountPositive'))}
            >
              <MoneyInput data-testid="contract-amount" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="signedOn" label={t('contract.signedOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} data-testid="contract-signed-on" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('contract.milestones')}</Typography.Text>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col xs={24} sm={11}>
                    <Form.Item
                      name={[field.name, 'description']}
                      rules={[{ required: true, whitespace: true, message: t('contract.milestoneDescription') }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input
                        placeholder={`${index + 1}. ${t('contract.milestoneDescription')}`}
                        maxLength={500}
                        data-testid={`contract-milestone-description-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={11} sm={6}>
                    <Form.Item
                      name={[field.name, 'amount']}
                      rules={requiredAmountRules(t('validation.money'), t('payment.amountPositive'))}
                      style={{ marginBottom: 8 }}
                    >
                      <MoneyInput placeholder={t('contract.amount')} data-testid={`contract-milestone-amount-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={11} sm={5}>
                    <Form.Item name={[field.name, 'dueOn']} style={{ marginBottom: 8 }}>
                      <DatePicker
                        style={{ width: '100%' }}
                        placeholder={t('payment.dueOnLabel')}
                        data-testid={`contract-milestone-due-on-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={2} sm={2}>
                    <Button
                      icon={<DeleteOutlined />}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ description: '', amount: '', dueOn: null })}
                data-testid="contract-milestone-add"
              >
                {t('contract.addMilestone')}
              </Button>
            </Space>
          )}
        </Form.List>
        {mismatch && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('contract.milestoneMismatch', { total: formatMoney(milestoneTotal), amount: formatMoney(parsedAmount ?? '') })}
          />
        )}
      </Form>
    </Modal>
  );
}
