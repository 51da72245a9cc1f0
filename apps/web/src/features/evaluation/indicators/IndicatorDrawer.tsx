import { BAND, DIRECTION, LEDGER_METRICS, LEVEL1, LEVEL2_OF } from '@jixiao/contract';
import { Alert, Button, Col, Descriptions, Divider, Drawer, Form, Grid, Input, Row, Select, Switch, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useBudgetLines } from '../../../api/control-queries.ts';
import { useEvaluationWrites } from '../../../api/evaluation-queries.ts';
import type { EvaluationDetail, Indicator, ScoredItem } from '../../../api/types.ts';
import { DecimalInput } from '../../../components/DecimalInput.tsx';
import { decimalRule, pointsRule } from '../../../components/form-rules.ts';
import { useWrite } from '../../../components/use-write.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { type IndicatorDraft, type IndicatorFormValues, toFormValues, toIndicatorFields } from './indicator-form.ts';

export type IndicatorEditing =
  | { readonly mode: 'edit'; readonly indicator: Indicator }
  | { readonly mode: 'create'; readonly draft: IndicatorDraft; readonly hint?: string | null };

interface Props {
  readonly evaluation: EvaluationDetail;
  readonly editing: IndicatorEditing | null;
  readonly scored: ScoredItem | undefined;
  readonly onClose: () => void;
}

/** Edits every field of one indicator (or creates one), with its score explanation and evidence files. */
export function IndicatorDrawer({ evaluation, editing, scored, onClose }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { write, saving } = useWrite();
  const { updateIndicator, addIndicator } = useEvaluationWrites(evaluation.id);
  const [form] = Form.useForm<IndicatorFormValues>();
  const canEdit = evaluation.permissions.edit;
  const level1 = Form.useWatch('level1', form);
  const direction = Form.useWatch('direction', form);
  const qualitative = direction === 'qualitative';
  const existing = editing?.mode === 'edit' ? editing.indicator : null;
  const bindingMetric = Form.useWatch('bindingMetric', form);
  const bound = Boolean(bindingMetric);
  // The lines an indicator can be bound to: the evaluation's unit (and project) in its year.
  const lineFilter = {
    organisationId: evaluation.organisationId,
    fiscalYear: evaluation.fiscalYear,
    projectId: evaluation.projectId ?? undefined,
  };
  const lines = useBudgetLines(lineFilter, editing !== null);

  // A different indicator (or the write's answer, with a new version) resets the form to the stored values.
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(editing.mode === 'edit' ? editing.indicator : editing.draft));
  }, [editing, form]);

  const submit = async (values: IndicatorFormValues) => {
    const fields = toIndicatorFields(values);
    const ok = await write(
      () =>
        existing
          ? updateIndicator.mutateAsync({ indicatorId: existing.id, body: { ...fields, version: existing.version } })
          : addIndicator.mutateAsync(fields),
      { form },
    );
    if (ok && !existing) onClose();
  };

  const optional = (key: Parameters<typeof t>[0]) => <span>{t(key)}</span>;
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={existing ? `${existing.code} ${existing.name}` : t('indicator.add')}
      forceRender
      extra={
        canEdit && (
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="indicator-save">
            {t('common.save')}
          </Button>
        )
      }
    >
      {editing?.mode === 'create' && editing.hint && <Alert type="info" showIcon title={editing.hint} style={{ marginBottom: 16 }} />}
      <Form<IndicatorFormValues>
        form={form}
        layout="vertical"
        scrollToFirstError
        onFinish={submit}
        disabled={!canEdit}
        data-testid="indicator-form"
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="code" label={t('indicator.code')} extra={existing ? undefined : t('indicator.codeHint')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="name"
              label={t('indicator.name')}
              rules={[{ required: true, whitespace: true, message: t('indicator.nameRequired') }]}
            >
              <Input maxLength={200} data-testid="indicator-name-input" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="level1" label={t('indicator.level1')} extra={level1 ? undefined : t('indicator.flatHint')}>
              <Select
                allowClear
                options={LEVEL1.map((value) => ({ value, label: t(`level1.${value}`) }))}
                onChange={(value: IndicatorFormValues['level1'] | undefined) =>
                  form.setFieldValue('level2', value ? LEVEL2_OF[value][0] : null)
                }
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="level2" label={t('indicator.level2')} rules={[{ required: Boolean(level1) }]}>
              <Select
                disabled={!level1 || !canEdit}
                options={(level1 ? LEVEL2_OF[level1] : []).map((value) => ({ value, label: t(`level2.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="goalId" label={optional('indicator.goal')}>
              <Select
                allowClear
                options={evaluation.goals.map((goal) => ({ value: goal.id, label: `${goal.code} ${goal.summary ?? goal.text}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="direction" label={t('indicator.direction')} rules={[{ required: true }]}>
              <Select
                options={DIRECTION.map((value) => ({ value, label: t(`directionLong.${value}`) }))}
                data-testid="indicator-direction-select"
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="unit" label={optional('indicator.unit')}>
              <Input maxLength={40} placeholder={t('indicator.unitPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="weight"
              label={optional('indicator.weight')}
              rules={[pointsRule(t('validation.points'))]}
              extra={t('indicator.weightHint')}
            >
              <DecimalInput />
            </Form.Item>
          </Col>
          {!qualitative && (
            <Col xs={12} sm={8}>
              <Form.Item name="target" label={t('indicator.target')} rules={[decimalRule(t('validation.decimal'))]}>
                <DecimalInput data-testid="indicator-target-input" />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} sm={8}>
            <Form.Item name="actual" label={t('indicator.actual')} rules={[decimalRule(t('validation.decimal'))]}>
              {/* An explicit `disabled` overrides the form's: it must say read-only too, or a submitted evaluation takes typing. */}
              <DecimalInput data-testid="indicator-actual-input" disabled={bound || !canEdit} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="lastYearActual" label={optional('indicator.lastYearActual')} rules={[decimalRule(t('validation.decimal'))]}>
              <DecimalInput />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="targetText" label={optional('indicator.targetText')} extra={t('indicator.targetTextHint')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          {!qualitative && (
            <Col xs={12} sm={8}>
              <Form.Item
                name="adjustedTarget"
                label={optional('indicator.adjustedTarget')}
                rules={[decimalRule(t('validation.decimal'))]}
                extra={t('indicator.adjustedTargetHint')}
              >
                <DecimalInput data-testid="indicator-adjusted-target-input" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={qualitative ? 12 : 16}>
            <Form.Item name="adjustedTargetText" label={optional('indicator.adjustedTargetText')}>
              <Input maxLength={200} data-testid="indicator-adjusted-target-text-input" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="actualText" label={optional('indicator.actualText')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="indicator-actual-text-input" />
            </Form.Item>
          </Col>
          {qualitative && (
            <>
              <Col xs={12} sm={12}>
                <Form.Item name="band" label={t('indicator.band')}>
                  <Select
                    allowClear
                    options={BAND.map((value) => ({ value, label: t(`band.${value}`) }))}
                    data-testid="indicator-band-select"
                  />
                </Form.Item>
              </Col>
              <Col xs={12} sm={12}>
                <Form.Item
                  name="qualitativeScore"
                  label={optional('indicator.qualitativeScore')}
                  rules={[pointsRule(t('validation.points'))]}
                  extra={t('indicator.qualitativeScoreHint')}
                >
                  <DecimalInput />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24}>
            <Form.Item name="deviationReason" label={optional('indicator.deviationReason')} extra={t('indicator.deviationHint')}>
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="indicator-deviation-input" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Divider titlePlacement="start" style={{ marginTop: 0 }}>
              {t('indicator.ledgerSection')}
            </Divider>
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              {t('indicator.ledgerHint')}
            </Typography.Paragraph>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="bindingMetric" label={t('indicator.ledgerMetric')}>
              <Select
                allowClear
                placeholder={t('indicator.ledgerManual')}
                options={LEDGER_METRICS.map((metric) => ({ value: metric, label: t(`ledgerMetric.${metric}`) }))}
                data-testid="indicator-binding-metric"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="bindingLineIds" label={t('indicator.ledgerLines')} extra={bound ? t('indicator.ledgerLinesHint') : undefined}>
              <Select
                mode="multiple"
                allowClear
                disabled={!bound || !canEdit}
                loading={lines.isFetching}
                placeholder={t('ledger.allLines')}
                showSearch={{ optionFilterProp: 'label' }}
                options={(lines.data?.items ?? []).map((line) => ({ value: line.id, label: `${line.code} ${line.name}` }))}
                data-testid="indicator-binding-lines"
              />
            </Form.Item>
          </Col>
          {existing?.binding && (
            <Col xs={24}>
              <Descriptions
                size="small"
                bordered
                column={1}
                style={{ marginBottom: 16 }}
                data-testid="indicator-computed"
                items={[
                  {
                    key: 'computed',
                    label: t('indicator.computedActual'),
                    children: (
                      <span>
                        <Typography.Text strong className="numeric">
                          {existing.computedActual === null ? '—' : `${existing.computedActual}${existing.unit ?? ''}`}
                        </Typography.Text>{' '}
                        <Tag color="geekblue">{t('indicator.ledgerTag')}</Tag>
                      </span>
                    ),
                  },
                  {
                    key: 'source',
                    label: t('indicator.actualSource'),
                    children: <span className="wrap-text">{existing.actualSource ?? '—'}</span>,
                  },
                ]}
              />
              {bindingMetric !== existing.binding.metric && (
                <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('indicator.ledgerChanged')} />
              )}
            </Col>
          )}
          <Col xs={24} sm={16}>
            <Form.Item name="dataSource" label={optional('indicator.dataSource')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="notApplicable" label={t('indicator.notApplicable')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="scoreCoefficient"
              label={optional('indicator.scoreCoefficient')}
              rules={[decimalRule(t('validation.decimal'))]}
              extra={t('indicator.scoreCoefficientHint')}
            >
              <DecimalInput data-testid="indicator-score-coefficient-input" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="isCore" label={t('indicator.isCore')} valuePropName="checked">
              <Switch data-testid="indicator-core-switch" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {scored && (
        <>
          <Divider titlePlacement="start">{t('indicator.scoreSection')}</Divider>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'score', label: t('indicator.score'), children: `${scored.final ?? '—'} / ${scored.weight ?? '—'}` },
              { key: 'rule', label: t('score.rule'), children: scored.explanation.ruleTitle },
              { key: 'text', label: t('score.explanation'), children: <span className="wrap-text">{scored.explanation.text}</span> },
              { key: 'source', label: t('score.source'), children: scored.explanation.source },
            ]}
          />
        </>
      )}
      {existing && (
        <>
          <Divider titlePlacement="start">{t('indicator.evidence')}</Divider>
          <EvidenceList
            evaluationId={evaluation.id}
            indicatorId={existing.id}
            attachments={evaluation.attachments.filter((attachment) => attachment.indicatorId === existing.id)}
            canEdit={canEdit}
          />
        </>
      )}
    </Drawer>
  );
}
