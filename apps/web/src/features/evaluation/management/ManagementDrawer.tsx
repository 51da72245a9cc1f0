import { BAND, LEDGER_METRICS } from '@jixiao/contract';
import { Button, Col, Drawer, Form, Grid, Input, Row, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useEvaluationWrites } from '../../../api/evaluation-queries.ts';
import type { ManagementEntry } from '../../../api/types.ts';
import { DecimalInput } from '../../../components/DecimalInput.tsx';
import { decimalRule, moneyRule, pointsRule } from '../../../components/form-rules.ts';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useWrite } from '../../../components/use-write.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { ManagementLedgerSource } from './ManagementLedgerSource.tsx';
import { type ManagementValues, managementBody, managementValues } from './management-form.ts';

interface Props {
  readonly evaluationId: string;
  readonly entry: ManagementEntry | null;
  readonly organisationId: string;
  readonly fiscalYear: number;
  readonly canEdit: boolean;
  readonly onClose: () => void;
}

/** Fills in one 管理效率 item: the amounts it is computed from, or a band and score for a qualitative one. */
export function ManagementDrawer({ evaluationId, entry, organisationId, fiscalYear, canEdit, onClose }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { write, saving } = useWrite();
  const { saveManagement } = useEvaluationWrites(evaluationId);
  const [form] = Form.useForm<ManagementValues>();
  const bound = Boolean(Form.useWatch('bindingMetric', form));

  useEffect(() => {
    if (!entry) return;
    form.resetFields();
    form.setFieldsValue(managementValues(entry));
  }, [entry, form]);

  if (!entry) return <Drawer open={false} forceRender />;
  const qualitative = entry.kind === 'qualitative';

  const submit = async (values: ManagementValues) => {
    const body = managementBody(entry, values);
    if (await write(() => saveManagement.mutateAsync({ code: entry.code, body }), { form })) onClose();
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 620 : '100%'}
      title={entry.name}
      forceRender
      extra={
        canEdit && (
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="management-save">
            {t('common.save')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {entry.area} · {t(`managementKind.${entry.kind}`)} · {entry.code}
        {entry.own && ` · ${t('management.own')}`}
      </Typography.Paragraph>
      {/* Outside the form: whoever may read the evaluation may look at the records behind its figures. */}
      {entry.binding && <ManagementLedgerSource entry={entry} organisationId={organisationId} fiscalYear={fiscalYear} />}
      <Form<ManagementValues> form={form} layout="vertical" onFinish={submit} disabled={!canEdit}>
        <Row gutter={12}>
          {/* The ledger metrics were written for the catalogue's formulas; own items are typed. */}
          {entry.kind === 'ratio' && !entry.own && (
            <Col xs={24}>
              <Form.Item name="bindingMetric" label={t('indicator.ledgerMetric')} extra={t('management.ledgerHint')}>
                <Select
                  allowClear
                  placeholder={t('management.ledgerManual')}
                  options={LEDGER_METRICS.map((metric) => ({ value: metric, label: t(`ledgerMetric.${metric}`) }))}
                  data-testid="management-binding-metric"
                />
              </Form.Item>
            </Col>
          )}
          {!qualitative &&
            Object.entries(entry.inputs).map(([key, label]) => (
              <Col xs={24} sm={12} key={key}>
                <Form.Item
                  name={['amounts', key]}
                  label={`${label}${t('common.paren', { text: t('common.yuan') })}`}
                  rules={[moneyRule(t('validation.money'))]}
                >
                  <MoneyInput disabled={bound} data-testid={`management-amount-${key}`} />
                </Form.Item>
              </Col>
            ))}
          <Col xs={12}>
            <Form.Item
              name="target"
              label={t('management.target')}
              rules={[decimalRule(t('validation.decimal'))]}
              extra={t('management.default', { value: entry.defaultTarget ?? '—' })}
            >
              <DecimalInput placeholder={entry.defaultTarget ?? undefined} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="weight"
              label={t('indicator.weight')}
              rules={[pointsRule(t('validation.points'))]}
              extra={t('management.default', { value: entry.defaultWeight })}
            >
              <DecimalInput placeholder={entry.defaultWeight} />
            </Form.Item>
          </Col>
          {!qualitative && (
            <Col xs={12}>
              <Form.Item
                name="rate"
                label={`${t('management.rate')}${t('common.paren', { text: entry.unit ?? '%' })}`}
                rules={[decimalRule(t('validation.decimal'))]}
                extra={t('management.rateHint')}
              >
                <DecimalInput disabled={bound} data-testid="management-rate" />
              </Form.Item>
            </Col>
          )}
          {entry.declaredScore !== null && (
            <Col xs={12}>
              <Form.Item label={t('management.declaredScore')}>
                <Typography.Text>{entry.declaredScore}</Typography.Text>
              </Form.Item>
            </Col>
          )}
          {qualitative && (
            <>
              <Col xs={12}>
                <Form.Item name="band" label={t('indicator.band')}>
                  <Select allowClear options={BAND.map((value) => ({ value, label: t(`band.${value}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item
                  name="score"
                  label={t('indicator.qualitativeScore')}
                  rules={[pointsRule(t('validation.points'), entry.weight ?? entry.defaultWeight)]}
                >
                  <DecimalInput />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24}>
            <Form.Item name="notApplicable" label={t('indicator.notApplicable')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="deviationReason" label={t('indicator.deviationReason')}>
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('management.note')}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
