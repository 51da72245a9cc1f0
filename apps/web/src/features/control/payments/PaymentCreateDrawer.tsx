import type { BudgetLine, CreatePaymentBody, SpendingType } from '@jixiao/contract';
import { Button, Checkbox, Col, DatePicker, Descriptions, Drawer, Form, Grid, Input, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { changesOf } from '../../../api/control-cache.ts';
import { useContract, useContracts, useGrants } from '../../../api/control-queries.ts';
import { paymentApi } from '../../../api/endpoints.ts';
import { ControlViolations } from '../../../components/ControlViolations.tsx';
import { requiredAmountRules } from '../../../components/form-rules.ts';
import { Money } from '../../../components/Money.tsx';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useControlAction } from '../../../components/use-control-action.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatMoney, parseMoneyInput, subtractMoney } from '../../../lib/money.ts';
import { atLeast, CONTRACT_REQUIRED_FROM_FEN } from './payment-steps.ts';

interface Values {
  budgetLineId: string;
  expenseType: SpendingType;
  contractId: string | null;
  milestoneId: string | null;
  grantId: string | null;
  payeeName: string;
  payeeUscc: string | null;
  amount: string;
  invoiceNumber: string | null;
  purpose: string;
  dueOn: Dayjs | null;
  confirmNotDuplicate: boolean;
}

const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

interface Props {
  readonly open: boolean;
  readonly organisationId: string;
  readonly fiscalYear: number;
  /** The unit's budget lines with their available balance (reloaded when the drawer opens). */
  readonly lines: readonly BudgetLine[];
  readonly initialLineId?: string | undefined;
  readonly onClose: () => void;
  readonly onCreated: (id: string) => void;
}

/**
 * 支付申请 by the 经办人: the budget line with its available balance as the amount is typed, an
 * optional contract (and milestone) or subsidy grant that fills in the payee, and the request. Every
 * rule the server finds broken is listed; a suspected duplicate can be confirmed and sent again.
 */
export function PaymentCreateDrawer({ open, organisationId, fiscalYear, lines, initialLineId, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const action = useControlAction(changesOf.payment());
  const lineId = Form.useWatch('budgetLineId', form);
  const contractId = Form.useWatch('contractId', form);
  const amount = Form.useWatch('amount', form) ?? '';
  const line = lines.find((entry) => entry.id === lineId);
  const contracts = useContracts(open ? { organisationId, fiscalYear } : null);
  const grants = useGrants(open ? { organisationId, fiscalYear } : null);
  const contract = useContract(contractId ?? null);
  const lineContracts = (contracts.data?.items ?? []).filter((entry) => entry.budgetLineId === lineId && entry.status === 'active');
  const lineGrants = (grants.data?.items ?? []).filter((entry) => entry.budgetLineId === lineId);
  const parsedAmount = parseMoneyInput(amount);
  const after = line && parsedAmount ? subtractMoney(line.available, parsedAmount) : null;
  // A suspected duplicate is a soft stop: the checkbox stays until the request goes through.
  const [confirmable, setConfirmable] = useState(false);
  useEffect(() => {
    if (action.violations?.some((violation) => violation.confirmable)) setConfirmable(true);
  }, [action.violations]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    action.clearViolations();
    setConfirmable(false);
    const initial = lines.find((entry) => entry.id === initialLineId);
    if (initial) form.setFieldsValue({ budgetLineId: initial.id, expenseType: initial.spendingType });
  }, [open, form, initialLineId, lines, action.clearViolations]);

  const submit = async (values: Values) => {
    const body: CreatePaymentBody = {
      budgetLineId: values.budgetLineId,
      contractId: values.contractId ?? null,
      milestoneId: values.milestoneId ?? null,
      grantId: values.grantId ?? null,
      payeeName: values.payeeName.trim(),
      payeeUscc: blank(values.payeeUscc),
      amount: parseMoneyInput(values.amount) ?? values.amount,
      invoiceNumber: blank(values.invoiceNumber),
      purpose: values.purpose.trim(),
      expenseType: values.expenseType,
      dueOn: values.dueOn ? values.dueOn.format('YYYY-MM-DD') : null,
      confirmNotDuplicate: values.confirmNotDuplicate === true ? true : undefined,
    };
    const ok = await action.run(
      'create',
      async () => {
        const created = await paymentApi.create(body);
        onCreated(created.id);
      },
      { form, success: t('payment.created') },
    );
    if (ok) onClose();
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={t('payment.create')}
      forceRender
      data-testid="payment-create-drawer"
      extra={
        <Button type="primary" loading={action.busy === 'create'} onClick={() => form.submit()} data-testid="payment-submit">
          {t('payment.submit')}
        </Button>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ confirmNotDuplicate: false }}>
        <ControlViolations
          violations={action.violations}
          action={
            confirmable && (
              <>
                <Typography.Paragraph style={{ margin: '8px 0 4px' }}>{t('payment.confirmDuplicateHint')}</Typography.Paragraph>
                <Form.Item name="confirmNotDuplicate" valuePropName="checked" noStyle>
                  <Checkbox data-testid="payment-confirm-duplicate">{t('payment.confirmNotDuplicate')}</Checkbox>
                </Form.Item>
              </>
            )
          }
        />
        <Form.Item name="budgetLineId" label={t('line.name')} rules={[{ required: true, message: t('payment.lineRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={lines.map((entry) => ({ value: entry.id, label: `${entry.code} ${entry.name}` }))}
            onChange={(id: string) => {
              const chosen = lines.find((entry) => entry.id === id);
              form.setFieldsValue({ expenseType: chosen?.spendingType, contractId: null, milestoneId: null, grantId: null });
            }}
            data-testid="payment-line-select"
          />
        </Form.Item>
        {line && (
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 3 }}
            style={{ marginBottom: 16 }}
            data-testid="payment-line-balance"
            items={[
              { key: 'budget', label: t('line.budget'), children: <Money value={line.budget} /> },
              {
                key: 'available',
                label: t('line.available'),
                children: (
                  <Typography.Text strong data-testid="payment-line-available">
                    <Money value={line.available} />
                  </Typography.Text>
                ),
              },
              {
                key: 'after',
                label: t('payment.availableAfter'),
                children:
                  after === null ? (
                    '—'
                  ) : (
                    <Typography.Text type={after.startsWith('-') ? 'danger' : undefined} data-testid="payment-available-after">
                      {formatMoney(after)}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        )}
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="expenseType" label={t('line.spendingType')} rules={[{ required: true }]} extra={t('payment.expenseTypeHint')}>
              <Radio.Group
                optionType="button"
                options={(['basic', 'project'] as const).map((value) => ({ value, label: t(`spendingType.${value}`) }))}
                data-testid="payment-expense-type"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="amount"
              label={t('payment.amountYuan')}
              rules={requiredAmountRules(t('validation.money'), t('payment.amountPositive'))}
            >
              <MoneyInput data-testid="payment-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="contractId"
              label={t('payment.contract')}
              extra={parsedAmount && atLeast(parsedAmount, CONTRACT_REQUIRED_FROM_FEN) ? t('payment.contractNeeded') : undefined}
            >
              <Select
                allowClear
                disabled={!line}
                placeholder={t('payment.noContract')}
                options={lineContracts.map((entry) => ({ value: entry.id, label: `${entry.code} ${entry.title}` }))}
                onChange={(id: string | undefined) => {
                  const chosen = lineContracts.find((entry) => entry.id === id);
                  form.setFieldsValue({ milestoneId: null, grantId: null });
                  if (chosen) form.setFieldsValue({ payeeName: chosen.counterpartyName, payeeUscc: chosen.counterpartyUscc });
                }}
                data-testid="payment-contract-select"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="milestoneId" label={t('payment.milestone')}>
              <Select
                allowClear
                disabled={!contractId}
                options={(contract.data?.milestones ?? []).map((milestone) => ({
                  value: milestone.id,
                  label: `${milestone.seq}. ${milestone.description}${t('common.paren', { text: `${formatMoney(milestone.amount)}${t('common.comma')}${milestone.acceptedAt ? t('contract.accepted') : t('contract.notAccepted')}` })}`,
                }))}
                data-testid="payment-milestone-select"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="grantId" label={t('payment.grant')}>
              <Select
                allowClear
                disabled={!line || Boolean(contractId)}
                placeholder={t('payment.noGrant')}
                options={lineGrants.map((entry) => ({
                  value: entry.id,
                  label: `${entry.recipientName} · ${entry.programme} · ${formatMoney(entry.amount)}`,
                }))}
                onChange={(id: string | undefined) => {
                  const chosen = lineGrants.find((entry) => entry.id === id);
                  if (chosen) form.setFieldsValue({ payeeName: chosen.recipientName, payeeUscc: chosen.recipientUscc });
                }}
                data-testid="payment-grant-select"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="payeeName"
              label={t('payment.payee')}
              rules={[{ required: true, whitespace: true, message: t('payment.payeeRequired') }, { max: 200 }]}
            >
              <Input maxLength={200} data-testid="payment-payee" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="payeeUscc" label={t('payment.uscc')} rules={[{ max: 40 }]}>
              <Input maxLength={40} style={{ textTransform: 'uppercase' }} data-testid="payment-uscc" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="invoiceNumber" label={t('payment.invoice')} rules={[{ max: 60 }]}>
              <Input maxLength={60} data-testid="payment-invoice" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="dueOn" label={t('payment.dueOn')} extra={t('payment.dueOnHint')}>
              <DatePicker style={{ width: '100%' }} data-testid="payment-due-on" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="purpose"
              label={t('payment.purpose')}
              rules={[{ required: true, whitespace: true, message: t('payment.purposeRequired') }, { max: 500 }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount data-testid="payment-purpose" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
