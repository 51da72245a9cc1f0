import type { Procurement } from '@jixiao/contract';
import { Button, Card, Col, Descriptions, Drawer, Form, Grid, Input, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { changesOf } from '../../../api/control-cache.ts';
import { procurementApi } from '../../../api/endpoints.ts';
import { ControlViolations } from '../../../components/ControlViolations.tsx';
import { requiredAmountRules } from '../../../components/form-rules.ts';
import { Money } from '../../../components/Money.tsx';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useControlAction } from '../../../components/use-control-action.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { parseMoneyInput } from '../../../lib/money.ts';
import { ControlStatusTag } from '../shared/ControlStatusTag.tsx';
import { procurementMethodLabel } from '../shared/labels.ts';

interface AwardValues {
  supplierName: string;
  supplierUscc: string;
  result: string;
  awardJustification: string;
}

/**
 * One procurement through 待审批 → 已审批 → 已确定供应商 (or 已取消): the approver may not be the one
 * who drafted the need (需求制定 / 内部审批); the award checks the supplier's USCC, the 10 % tolerance
 * over the estimate and the line's balance.
 */
export function ProcurementDrawer({ procurement, onClose }: { procurement: Procurement | null; onClose: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const action = useControlAction(changesOf.procurement());
  const [awardForm] = Form.useForm<AwardValues>();
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const { clearViolations } = action;
  const procurementId = procurement?.id;

  // Another procurement starts with empty inputs and no refusals of the previous one.
  useEffect(() => {
    if (!procurementId) return;
    clearViolations();
    awardForm.resetFields();
    setComment('');
    setReason('');
  }, [procurementId, awardForm, clearViolations]);

  if (!procurement) return null;
  const { approve: canApprove, award: canAward, cancel: canCancel } = procurement.permissions;
  const version = procurement.version;

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={
        <Space wrap>
          <span>{procurement.title}</span>
          <ControlStatusTag status={procurement.status} label={t(`procurementStatus.${procurement.status}`)} />
        </Space>
      }
      data-testid="procurement-drawer"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ControlViolations violations={action.violations} />
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'code', label: t('procurement.code'), children: procurement.code },
            { key: 'line', label: t('line.name'), children: `${procurement.budgetLineCode} ${procurement.budgetLineName}` },
            { key: 'category', label: t('procurement.category'), children: t(`procurementCategory.${procurement.category}`) },
            { key: 'method', label: t('procurement.method'), children: procurementMethodLabel(t, procurement.method) },
            { key: 'estimated', label: t('procurement.estimated'), children: <Money value={procurement.estimated} /> },
            { key: 'result', label: t('procurement.result'), children: <Money value={procurement.result} /> },
            { key: 'supplier', label: t('procurement.supplier'), children: procurement.supplierName ?? '—' },
            { key: 'uscc', label: t('procurement.supplierUscc'), children: procurement.supplierUscc ?? '—' },
            {
              key: 'drafted',
              label: t('procurement.draftedBy'),
              children: `${procurement.draftedByName} · ${formatDateTime(procurement.createdAt)}`,
            },
            {
              key: 'approved',
              label: t('procurement.approvedBy'),
              children: procurement.approvedByName ? `${procurement.approvedByName} · ${formatDateTime(procurement.approvedAt)}` : '—',
            },
            {
              key: 'justification',
              label: t('procurement.methodJustification'),
              span: 'filled',
              children: procurement.methodJustification ?? '—',
            },
            {
              key: 'requirement',
              label: t('procurement.requirementLabel'),
              span: 'filled',
              children: <span className="wrap-text">{procurement.requirement ?? '—'}</span>,
            },
          ]}
        />
        {canApprove && (
          <Card size="small" title={t('procurement.approveTitle')}>
            <Space.Compact block>
              <Input
                value={comment}
                maxLength={500}
                placeholder={t('adjustment.comment')}
                onChange={(event) => setComment(event.target.value)}
              />
              <Button
                type="primary"
                loading={action.busy === 'approve'}
                onClick={() =>
                  void action.run('approve', () => procurementApi.approve(procurement.id, { version, comment: comment.trim() || null }), {
                    success: t('procurement.approved'),
                  })
                }
                data-testid="procurement-approve"
              >
                {t('adjustment.approve')}
              </Button>
            </Space.Compact>
          </Card>
        )}
        {canAward && (
          <Card size="small" title={t('procurement.awardTitle')}>
            <Form<AwardValues>
              form={awardForm}
              layout="vertical"
              onFinish={(values) =>
                void action.run(
                  'award',
                  () =>
                    procurementApi.award(procurement.id, {
                      version,
                      supplierName: values.supplierName.trim(),
                      supplierUscc: values.supplierUscc.trim(),
                      result: parseMoneyInput(values.result) ?? values.result,
                      awardJustification: values.awardJustification?.trim() || null,
                    }),
                  { form: awardForm, success: t('procurement.awarded') },
                )
              }
            >
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="supplierName"
                    label={t('procurement.supplier')}
                    rules={[{ required: true, whitespace: true }, { max: 200 }]}
                  >
                    <Input maxLength={200} data-testid="procurement-supplier" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="supplierUscc"
                    label={t('procurement.supplierUscc')}
                    rules={[{ required: true, whitespace: true }, { max: 40 }]}
                  >
                    <Input maxLength={40} style={{ textTransform: 'uppercase' }} data-testid="procurement-supplier-uscc" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="result"
                    label={t('procurement.result')}
                    rules={requiredAmountRules(t('validation.money'), t('payment.amountPositive'))}
                  >
                    <MoneyInput data-testid="procurement-result" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="awardJustification"
                    label={t('procurement.awardJustification')}
                    extra={t('procurement.awardJustificationHint')}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                  </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" loading={action.busy === 'award'} data-testid="procurement-award">
                {t('procurement.award')}
              </Button>
            </Form>
          </Card>
        )}
        {canCancel && (
          <Card size="small" title={t('procurement.cancelTitle')}>
            <Space.Compact block>
              <Input
                value={reason}
                maxLength={500}
                placeholder={t('procurement.cancelReason')}
                onChange={(event) => setReason(event.target.value)}
              />
              <Button
                danger
                disabled={reason.trim() === ''}
                loading={action.busy === 'cancel'}
                onClick={() =>
                  void action.run('cancel', () => procurementApi.cancel(procurement.id, { version, reason: reason.trim() }), {
                    success: t('procurement.cancelled'),
                  })
                }
                data-testid="procurement-cancel"
              >
                {t('procurement.cancel')}
              </Button>
            </Space.Compact>
          </Card>
        )}
        {procurement.status === 'awarded' && (
          <Typography.Text>
            <Link to={`/control/contracts?procurement=${procurement.id}`} data-testid="procurement-contracts-link">
              {t('procurement.contracts')}
            </Link>
          </Typography.Text>
        )}
      </Space>
    </Drawer>
  );
}
