import { CheckOutlined, CloseOutlined, DollarOutlined, InboxOutlined, RedoOutlined, SafetyOutlined } from '@ant-design/icons';
import { PAYMENT_STEPS, type Payment, type PaymentStepName as PaymentStep } from '@jixiao/contract';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Steps,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useUsers } from '../../../api/admin-queries.ts';
import { changesOf } from '../../../api/control-cache.ts';
import { usePayment } from '../../../api/control-queries.ts';
import { paymentApi } from '../../../api/endpoints.ts';
import { useSession } from '../../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { ControlViolations } from '../../../components/ControlViolations.tsx';
import { Money } from '../../../components/Money.tsx';
import { SpendingTypeTag } from '../../../components/SpendingTypeTag.tsx';
import { useControlAction } from '../../../components/use-control-action.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { chinaToday, formatDate, formatDateTime } from '../../../lib/dates.ts';
import { PaymentStatusTag } from './PaymentStatusTag.tsx';
import { atLeast, COLLECTIVE_DECISION_FROM_FEN, defaultPaidOn, isPayableDate } from './payment-steps.ts';

const ICON: Readonly<Record<Exclude<PaymentStep, 'reject'>, ReactNode>> = {
  review: <SafetyOutlined />,
  approve: <CheckOutlined />,
  pay: <DollarOutlined />,
  archive: <InboxOutlined />,
  resubmit: <RedoOutlined />,
};

interface Props {
  readonly paymentId: string | null;
  /** The fiscal year of the payment's budget line (支付日期 must fall inside it). */
  readonly fiscalYearOf: (payment: Payment) => number;
  readonly onClose: () => void;
}

/** Where the request stands in 申请 → 审核 → 审批 → 支付 → 归档, and who did each step. */
function StepHistory({ payment }: { payment: Payment }) {
  const { t } = useI18n();
  const done: Record<string, number> = { requested: 1, reviewed: 2, approved: 3, paid: 4, archived: 5 };
  const reached =
    payment.status === 'rejected'
      ? [payment.reviewedBy, payment.approvedBy, payment.paidBy].filter(Boolean).length + 1
      : (done[payment.status] ?? 0);
  const decision = [
    payment.decisionReference && t('payment.decisionReferenceShown', { reference: payment.decisionReference }),
    payment.countersignedBy && t('payment.countersignedShown', { name: payment.countersignedBy }),
  ].filter(Boolean);
  const items = [
    { title: t('paymentStep.request'), description: `${payment.requestedBy} · ${formatDateTime(payment.requestedAt)}` },
    { title: t('paymentStep.review'), description: payment.reviewedBy ?? undefined },
    { title: t('paymentStep.approve'), description: payment.approvedBy ? [payment.approvedBy, ...decision].join(' · ') : undefined },
    { title: t('paymentStep.pay'), description: payment.paidBy ? `${payment.paidBy} · ${formatDate(payment.paidOn)}` : undefined },
    { title: t('paymentStep.archive'), description: payment.status === 'archived' ? t('paymentStatus.archived') : undefined },
  ];
  return (
    <Steps
      size="small"
      orientation="vertical"
      current={Math.min(reached, items.length - 1)}
      status={payment.status === 'rejected' ? 'error' : payment.status === 'archived' ? 'finish' : 'process'}
      items={items.map((item, index) =>
        payment.status === 'rejected' && index === reached
          ? { ...item, title: t('paymentStatus.rejected'), description: payment.rejectReason ?? undefined }
          : item,
      )}
      data-testid="payment-steps"
    />
  );
}

/**
 * One 支付申请 with its history and the step buttons the user's posts allow: 审核, 审批 (with a
 * 集体决策文号 and/or 会签人 for amounts of 1,000,000 yuan and more), 支付 (a date in the line's
 * year), 归档 and 驳回 (with a reason). Refusals list every control rule broken.
 */
export function PaymentDrawer({ paymentId, fiscalYearOf, onClose }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { session } = useSession();
  const detail = usePayment(paymentId);
  const payment = detail.data;
  const action = useControlAction(changesOf.payment(payment));
  // The steps in the order their buttons show; which of them this user may take is the server's `permissions`.
  const steps = payment ? PAYMENT_STEPS.filter((step) => payment.permissions[step]) : [];
  const large = payment ? atLeast(payment.amount, COLLECTIVE_DECISION_FROM_FEN) : false;
  const users = useUsers(steps.includes('approve') && large);
  const [decisionReference, setDecisionReference] = useState('');
  const [countersignedBy, setCountersignedBy] = useState<string | undefined>();
  const [paidOn, setPaidOn] = useState<Dayjs | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const today = chinaToday();
  const fiscalYear = payment ? fiscalYearOf(payment) : undefined;

  const { clearViolations } = action;
  // Another request starts with fresh inputs and no refusals of the previous one.
  useEffect(() => {
    if (paymentId === null) return;
    clearViolations();
    setDecisionReference('');
    setCountersignedBy(undefined);
    setReason('');
    setRejecting(false);
    setPaidOn(fiscalYear ? dayjs(defaultPaidOn(fiscalYear, today)) : null);
  }, [paymentId, fiscalYear, today, clearViolations]);

  const run = (step: PaymentStep) => {
    if (!payment) return;
    const body = {
      version: payment.version,
      ...(step === 'approve' && decisionReference.trim() ? { decisionReference: decisionReference.trim() } : {}),
      ...(step === 'approve' && countersignedBy ? { countersignedBy } : {}),
      ...(step === 'pay' && paidOn ? { paidOn: paidOn.format('YYYY-MM-DD') } : {}),
      ...(step === 'reject' ? { reason: reason.trim() } : {}),
    };
    return action.run(step, () => paymentApi.step(payment.id, step, body), {
      success: t('payment.stepDone', { step: t(`paymentStep.${step}`) }),
    });
  };

  const button = (step: Exclude<PaymentStep, 'reject'>, extra?: { disabled?: boolean }) => (
    <Button
      type="primary"
      icon={ICON[step]}
      loading={action.busy === step}
      disabled={(action.busy !== null && action.busy !== step) || extra?.disabled}
      onClick={() => void run(step)}
      data-testid={`payment-${step}`}
    >
      {t(`paymentStep.${step}`)}
    </Button>
  );

  const countersignOptions = (users.data?.items ?? [])
    .filter((user) => user.id !== session?.user.id && user.displayName !== payment?.requestedBy)
    .map((user) => ({ value: user.id, label: `${user.displayName}${t('common.paren', { text: user.username })}` }));

  return (
    <Drawer
      open={paymentId !== null}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={
        payment ? (
          <Space wrap>
            <span>{payment.payeeName}</span>
            <Money value={payment.amount} />
            <PaymentStatusTag status={payment.status} />
          </Space>
        ) : (
          t('payment.title')
        )
      }
      data-testid="payment-drawer"
    >
      {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.refetch} />}
      {!payment && !detail.error && <Skeleton active />}
      {payment && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <StepHistory payment={payment} />
          <ControlViolations violations={action.violations} />
          {steps.length > 0 && (
            <Card size="small" title={t('payment.yourStep')} data-testid="payment-actions">
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                {steps.includes('approve') && large && <Alert type="warning" showIcon title={t('payment.largeAmount')} />}
                {steps.includes('approve') && large && (
                  <Row gutter={12}>
                    <Col xs={24} sm={12}>
                      <Form.Item label={t('payment.decisionReference')} layout="vertical" style={{ margin: 0 }}>
                        <Input
                          value={decisionReference}
                          maxLength={200}
                          placeholder={t('payment.decisionReferencePlaceholder')}
                          onChange={(event) => setDecisionReference(event.target.value)}
                          data-testid="payment-decision-reference"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12}>
                      <Form.Item label={t('payment.countersigner')} layout="vertical" style={{ margin: 0 }}>
                        <Select
                          allowClear
                          showSearch={{ optionFilterProp: 'label' }}
                          value={countersignedBy}
                          onChange={setCountersignedBy}
                          options={countersignOptions}
                          loading={users.isFetching}
                          data-testid="payment-countersigner"
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
                {steps.includes('pay') && fiscalYear !== undefined && (
                  <Form.Item
                    label={t('payment.paidOn')}
                    layout="vertical"
                    style={{ margin: 0 }}
                    extra={t('payment.paidOnHint', { year: fiscalYear })}
                  >
                    <DatePicker
                      value={paidOn}
                      onChange={setPaidOn}
                      allowClear={false}
                      disabledDate={(date) => !isPayableDate(date.format('YYYY-MM-DD'), fiscalYear, today)}
                      defaultPickerValue={paidOn ?? undefined}
                      data-testid="payment-paid-on"
                    />
                  </Form.Item>
                )}
                <Space wrap>
                  {steps.includes('review') && button('review')}
                  {steps.includes('approve') && button('approve')}
                  {steps.includes('pay') && button('pay', { disabled: paidOn === null })}
                  {steps.includes('archive') && button('archive')}
                  {steps.includes('reject') && (
                    <Button
                      danger
                      icon={<CloseOutlined />}
                      disabled={action.busy !== null}
                      onClick={() => setRejecting(true)}
                      data-testid="payment-reject"
                    >
                      {t('paymentStep.reject')}
                    </Button>
                  )}
                </Space>
              </Space>
            </Card>
          )}
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'line', label: t('line.name'), children: `${payment.budgetLineCode} ${payment.budgetLineName}` },
              { key: 'type', label: t('line.spendingType'), children: <SpendingTypeTag type={payment.expenseType} /> },
              { key: 'amount', label: t('payment.amountYuan'), children: <Money value={payment.amount} /> },
              { key: 'payee', label: t('payment.payee'), children: payment.payeeName },
              { key: 'uscc', label: t('recipient.uscc'), children: payment.payeeUscc ?? '—' },
              { key: 'invoice', label: t('payment.invoiceLabel'), children: payment.invoiceNumber ?? '—' },
              { key: 'due', label: t('payment.dueOnLabel'), children: formatDate(payment.dueOn) },
              { key: 'paid', label: t('payment.paidOn'), children: formatDate(payment.paidOn) },
              {
                key: 'links',
                label: t('payment.linked'),
                children: (
                  <Space wrap>
                    {payment.contractId && <Tag>{t('payment.contract')}</Tag>}
                    {payment.milestoneId && <Tag>{t('payment.milestone')}</Tag>}
                    {payment.grantId && <Tag>{t('payment.grant')}</Tag>}
                    {payment.imported && <Tag color="gold">{t('payment.imported')}</Tag>}
                    {!payment.contractId && !payment.grantId && !payment.imported && '—'}
                  </Space>
                ),
              },
              {
                key: 'purpose',
                label: t('payment.purpose'),
                span: 'filled',
                children: <span className="wrap-text">{payment.purpose}</span>,
              },
            ]}
          />
          {payment.status === 'rejected' && payment.rejectReason && (
            <Alert type="error" showIcon title={t('payment.rejectedBecause')} description={payment.rejectReason} />
          )}
        </Space>
      )}
      <Modal
        open={rejecting}
        title={t('payment.rejectTitle')}
        onCancel={() => setRejecting(false)}
        footer={[
          <Button key="cancel" onClick={() => setRejecting(false)}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="reject"
            danger
            type="primary"
            disabled={reason.trim() === ''}
            loading={action.busy === 'reject'}
            onClick={() => void run('reject')?.then((ok) => ok && setRejecting(false))}
            data-testid="payment-reject-confirm"
          >
            {t('paymentStep.reject')}
          </Button>,
        ]}
      >
        <ControlViolations violations={action.violations} />
        <Input.TextArea
          rows={4}
          maxLength={500}
          showCount
          value={reason}
          placeholder={t('payment.rejectReason')}
          onChange={(event) => setReason(event.target.value)}
          data-testid="payment-reject-reason"
        />
      </Modal>
    </Drawer>
  );
}
