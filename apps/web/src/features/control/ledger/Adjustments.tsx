import type { BudgetAdjustment, BudgetLineDetail } from '@jixiao/contract';
import { Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { changesOf } from '../../../api/control-cache.ts';
import { budgetApi } from '../../../api/endpoints.ts';
import { ControlViolations } from '../../../components/ControlViolations.tsx';
import { moneyRule } from '../../../components/form-rules.ts';
import { Money } from '../../../components/Money.tsx';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useControlAction } from '../../../components/use-control-action.ts';
import { useSave } from '../../../components/use-save.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { parseMoneyInput, toFen } from '../../../lib/money.ts';

const STATUS_COLOR = { requested: 'processing', approved: 'success', rejected: 'error' } as const;

interface Props {
  readonly line: BudgetLineDetail;
  readonly canRequest: boolean;
  readonly canDecide: boolean;
  readonly userId: string | undefined;
  /** Display names by user id (the history carries ids only). */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * 预算调整: a signed amount with a reason, which changes the line only once someone else approves it
 * (the requester cannot decide their own: IC_ADJUSTMENT_APPROVAL); the history with every decision.
 */
export function Adjustments({ line, canRequest, canDecide, userId, names }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ amount: string; reason: string }>();
  const { save, saving } = useSave(changesOf.budgetLine());
  const decision = useControlAction(changesOf.budgetLine());
  const [deciding, setDeciding] = useState<BudgetAdjustment | null>(null);
  const [comment, setComment] = useState('');
  const nameOf = (id: string | null) => {
    if (!id) return '—';
    const name = names.get(id) ?? '—';
    return id === userId ? `${name}${t('common.paren', { text: t('adjustment.self') })}` : name;
  };

  const decide = async (approve: boolean) => {
    if (!deciding) return;
    const ok = await decision.run(
      approve ? 'approve' : 'reject',
      () => budgetApi.decideAdjustment(deciding.id, { approve, comment: comment.trim() || undefined }),
      { success: approve ? t('adjustment.approved') : t('adjustment.rejected') },
    );
    if (ok) setDeciding(null);
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ControlViolations violations={decision.violations} />
      {canRequest && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            void save(
              () =>
                budgetApi.requestAdjustment(line.id, {
                  amount: parseMoneyInput(values.amount) ?? values.amount,
                  reason: values.reason.trim(),
                }),
              { form, success: t('adjustment.requestedToast') },
            ).then((ok) => ok && form.resetFields())
          }
          data-testid="adjustment-form"
        >
          <Space.Compact block style={{ flexWrap: 'wrap', gap: 8 }}>
            <Form.Item
              name="amount"
              label={t('adjustment.amount')}
              style={{ minWidth: 200, flex: 1 }}
              rules={[
                { required: true, message: t('validation.money') },
                moneyRule(t('validation.money')),
                {
                  validator: (_rule, value: unknown) =>
                    typeof value === 'string' && toFen(parseMoneyInput(value) ?? '') === 0n
                      ? Promise.reject(new Error(t('adjustment.notZero')))
                      : Promise.resolve(),
                },
              ]}
            >
              <MoneyInput data-testid="adjustment-amount" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('adjustment.reason')}
              style={{ minWidth: 240, flex: 2 }}
              rules={[{ required: true, whitespace: true, message: t('adjustment.reasonRequired') }, { max: 500 }]}
            >
              <Input maxLength={500} data-testid="adjustment-reason" />
            </Form.Item>
          </Space.Compact>
          <Button htmlType="submit" loading={saving} data-testid="adjustment-submit">
            {t('adjustment.request')}
          </Button>
        </Form>
      )}
      <Table<BudgetAdjustment>
        size="small"
        rowKey="id"
        dataSource={[...line.adjustmentHistory].reverse()}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('adjustment.none') }}
        columns={[
          { title: t('adjustment.requestedAt'), dataIndex: 'requestedAt', width: 140, render: formatDateTime },
          { title: t('adjustment.requestedBy'), dataIndex: 'requestedBy', width: 130, render: nameOf },
          {
            title: t('adjustment.amountColumn'),
            dataIndex: 'amount',
            width: 140,
            align: 'right',
            render: (amount: string) => (
              <Typography.Text type={amount.startsWith('-') ? 'danger' : 'success'}>
                {amount.startsWith('-') ? '' : '+'}
                <Money value={amount} />
              </Typography.Text>
            ),
          },
          { title: t('adjustment.reason'), dataIndex: 'reason', render: (reason: string) => <span className="wrap-text">{reason}</span> },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 150,
            render: (status: BudgetAdjustment['status'], adjustment) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLOR[status]}>{t(`adjustmentStatus.${status}`)}</Tag>
                {adjustment.decidedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {nameOf(adjustment.decidedBy)} {formatDateTime(adjustment.decidedAt)}
                  </Typography.Text>
                )}
                {adjustment.comment && <Typography.Text style={{ fontSize: 12 }}>{adjustment.comment}</Typography.Text>}
              </Space>
            ),
          },
          ...(canDecide
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_value: unknown, adjustment: BudgetAdjustment) =>
                    adjustment.permissions.decide ? (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => {
                          setComment('');
                          decision.clearViolations();
                          setDeciding(adjustment);
                        }}
                        data-testid={`adjustment-decide-${adjustment.id}`}
                      >
                        {t('adjustment.decide')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={deciding !== null}
        title={t('adjustment.decideTitle')}
        onCancel={() => setDeciding(null)}
        footer={[
          <Button
            key="reject"
            danger
            loading={decision.busy === 'reject'}
            onClick={() => void decide(false)}
            data-testid="adjustment-reject"
          >
            {t('adjustment.reject')}
          </Button>,
          <Button
            key="approve"
            type="primary"
            loading={decision.busy === 'approve'}
            onClick={() => void decide(true)}
            data-testid="adjustment-approve"
          >
            {t('adjustment.approve')}
          </Button>,
        ]}
      >
        {deciding && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ControlViolations violations={decision.violations} />
            <Typography.Text>
              {t('adjustment.decideBody', { name: nameOf(deciding.requestedBy), reason: deciding.reason })}{' '}
              <Typography.Text strong>
                <Money value={deciding.amount} />
              </Typography.Text>
            </Typography.Text>
            <Input.TextArea
              rows={3}
              maxLength={500}
              placeholder={t('adjustment.comment')}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              data-testid="adjustment-comment"
            />
          </Space>
        )}
      </Modal>
    </Space>
  );
}
