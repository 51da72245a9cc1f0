import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Divider, Flex, Form, Input, Row, Space, Statistic, Switch, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useEvaluationWrites } from '../../../api/evaluation-queries.ts';
import type { EvaluationDetail, UpdateEvaluationBody } from '../../../api/types.ts';
import { moneyRule } from '../../../components/form-rules.ts';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useWrite } from '../../../components/use-write.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { executionRatePercent, formatMoney, parseMoneyInput } from '../../../lib/money.ts';
import type { TabProps } from '../tab-props.ts';

type MoneyKey = 'initial' | 'carryOver' | 'adjusted' | 'executed';

/** Shaped like the PATCH body, so the server's paths ("body.budget.executed") land on the right field. */
interface Values {
  preparerName: string | null;
  preparerPhone: string | null;
  filledOn: Dayjs | null;
  budget: Record<MoneyKey, string> & { executionReason: string | null };
  narrative: { conclusion: string; dutyIntro: string; management: string; problems: string[]; measures: string[] };
}

function toValues(evaluation: EvaluationDetail): Values {
  const { budget, narrative } = evaluation;
  return {
    preparerName: evaluation.preparerName,
    preparerPhone: evaluation.preparerPhone,
    filledOn: evaluation.filledOn ? dayjs(evaluation.filledOn) : null,
    budget: {
      initial: budget.initial,
      carryOver: budget.carryOver,
      adjusted: budget.adjusted,
      executed: budget.executed,
      executionReason: budget.executionReason,
    },
    narrative: {
      conclusion: narrative.conclusion ?? '',
      dutyIntro: narrative.dutyIntro ?? '',
      management: narrative.management ?? '',
      problems: [...narrative.problems],
      measures: [...narrative.measures],
    },
  };
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
const money = (value: string) => parseMoneyInput(value) ?? value;

/**
 * The request: money normalised ("1,234.5" → "1234.5"), empty list lines dropped, the version the
 * form was loaded with. Figures that come from the ledger are not the preparer's to send.
 */
function toBody(values: Values, version: number, fromLedger: boolean): UpdateEvaluationBody {
  const reason = blankToNull(values.budget.executionReason);
  return {
    version,
    preparerName: blankToNull(values.preparerName),
    preparerPhone: blankToNull(values.preparerPhone),
    filledOn: values.filledOn ? values.filledOn.format('YYYY-MM-DD') : null,
    budget: fromLedger
      ? { executionReason: reason }
      : {
          initial: money(values.budget.initial),
          carryOver: money(values.budget.carryOver),
          adjusted: money(values.budget.adjusted),
          executed: money(values.budget.executed),
          executionReason: reason,
        },
    narrative: {
      conclusion: values.narrative.conclusion.trim(),
      dutyIntro: values.narrative.dutyIntro.trim(),
      management: values.narrative.management.trim(),
      problems: values.narrative.problems.map((line) => line.trim()).filter(Boolean),
      measures: values.narrative.measures.map((line) => line.trim()).filter(Boolean),
    },
  };
}

function LinesField({
  name,
  label,
  addLabel,
  disabled,
}: {
  name: 'problems' | 'measures';
  label: string;
  addLabel: string;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <Form.Item label={label}>
      <Form.List name={['narrative', name]}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Space.Compact key={field.key} style={{ width: '100%' }}>
                <span style={{ padding: '4px 8px', background: '#fafafa', border: '1px solid #d9d9d9', borderInlineEnd: 0 }}>
                  {index + 1}.
                </span>
                <Form.Item name={field.name} noStyle rules={[{ max: 2000 }]}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} data-testid={`${name}-${index}`} />
                </Form.Item>
                {!disabled && <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />}
              </Space.Compact>
            ))}
            {!disabled && (
              <Button icon={<PlusOutlined />} onClick={() => add('')} data-testid={`${name}-add`}>
                {addLabel}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 预算与文字: budget figures, who prepared it, and the report's own words. */
export function BudgetTab({ evaluation }: TabProps) {
  const { t } = useI18n();
  const { write: save, saving } = useWrite();
  // The switch saves on its own: the figures shown change with it, so the form takes the write's answer.
  const { write: saveSource, saving: sourceSaving } = useWrite();
  const { update } = useEvaluationWrites(evaluation.id);
  const [form] = Form.useForm<Values>();
  const canEdit = evaluation.permissions.edit;
  const fromLedger = evaluation.budgetSource === 'ledger';
  const executed = Form.useWatch(['budget', 'executed'], form) ?? evaluation.budget.executed;
  const adjusted = Form.useWatch(['budget', 'adjusted'], form) ?? evaluation.budget.adjusted;
  const rate = executionRatePercent(parseMoneyInput(executed) ?? '', parseMoneyInput(adjusted) ?? '');

  useEffect(() => {
    form.setFieldsValue(toValues(evaluation));
  }, [evaluation, form]);

  const moneyField = (name: MoneyKey, label: string) => (
    <Col xs={24} sm={12} lg={6}>
      <Form.Item
        name={['budget', name]}
        label={`${label}${t('common.paren', { text: t('common.yuan') })}`}
        rules={[{ required: true, message: t('validation.money') }, moneyRule(t('validation.money'))]}
      >
        <MoneyInput data-testid={`budget-${name}`} disabled={fromLedger} />
      </Form.Item>
    </Col>
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      scrollToFirstError
      disabled={!canEdit}
      onFinish={(values) => void save(() => update.mutateAsync(toBody(values, evaluation.version, fromLedger)), { form })}
    >
      <Divider titlePlacement="start">{t('budget.section')}</Divider>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Switch
          checked={fromLedger}
          loading={sourceSaving}
          disabled={!canEdit}
          onChange={(ledger) =>
            void saveSource(() => update.mutateAsync({ version: evaluation.version, budgetSource: ledger ? 'ledger' : 'manual' }), {
              success: ledger ? t('budget.sourceLedger') : t('budget.sourceManual'),
            })
          }
          data-testid="budget-source-switch"
        />
        <span>{t('budget.fromLedgerSwitch')}</span>
      </Flex>
      {fromLedger && <Alert type="info" showIcon title={t('budget.fromLedger')} style={{ marginBottom: 16 }} />}
      <Row gutter={12}>
        {moneyField('initial', t('budget.initial'))}
        {moneyField('carryOver', t('budget.carryOver'))}
        {moneyField('adjusted', t('budget.adjusted'))}
        {moneyField('executed', t('budget.executed'))}
      </Row>
      {evaluation.budget.sources.length > 0 && (
        <Table
          size="small"
          rowKey="label"
          pagination={false}
          style={{ marginBottom: 16 }}
          caption={t('budget.sources')}
          dataSource={evaluation.budget.sources}
          data-testid="budget-sources"
          columns={[
            { title: t('budget.source'), dataIndex: 'label' },
            { title: t('budget.initial'), dataIndex: 'initial', align: 'right', render: (value: string) => formatMoney(value) },
            { title: t('budget.adjusted'), dataIndex: 'adjusted', align: 'right', render: (value: string) => formatMoney(value) },
            { title: t('budget.executed'), dataIndex: 'executed', align: 'right', render: (value: string) => formatMoney(value) },
            { title: t('budget.rate'), dataIndex: 'rate', align: 'right', render: (value: string | null) => value ?? '—' },
          ]}
        />
      )}
      <Row gutter={12} align="middle">
        <Col xs={24} sm={8} lg={6}>
          <Statistic title={t('budget.rate')} value={rate ?? '—'} />
          {evaluation.budget.declaredScore !== null && (
            <div style={{ color: '#888', fontSize: 12 }}>{t('budget.declaredScore', { score: evaluation.budget.declaredScore })}</div>
          )}
          <div style={{ color: '#888', fontSize: 12 }}>
            {formatMoney(parseMoneyInput(executed) ?? executed)} / {formatMoney(parseMoneyInput(adjusted) ?? adjusted)}
          </div>
        </Col>
        <Col xs={24} sm={16} lg={18}>
          <Form.Item name={['budget', 'executionReason']} label={t('budget.executionReason')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('budget.preparerSection')}</Divider>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="preparerName" label={t('budget.preparerName')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="preparerPhone" label={t('budget.preparerPhone')} rules={[{ max: 50 }]}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="filledOn" label={t('budget.filledOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('budget.narrativeSection')}</Divider>
      <Form.Item name={['narrative', 'conclusion']} label={t('narrative.conclusion')} rules={[{ max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} showCount maxLength={5000} />
      </Form.Item>
      <Form.Item name={['narrative', 'dutyIntro']} label={t('narrative.dutyIntro')} rules={[{ max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} showCount maxLength={5000} />
      </Form.Item>
      <Form.Item name={['narrative', 'management']} label={t('narrative.management')} rules={[{ max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} showCount maxLength={5000} />
      </Form.Item>
      <LinesField name="problems" label={t('narrative.problems')} addLabel={t('narrative.addProblem')} disabled={!canEdit} />
      <LinesField name="measures" label={t('narrative.measures')} addLabel={t('narrative.addMeasure')} disabled={!canEdit} />
      {canEdit && (
        <Button type="primary" htmlType="submit" loading={saving} data-testid="budget-save">
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
