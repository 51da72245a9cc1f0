import { DEVIATION_REASON, LEVEL2, LIKELIHOOD, type MonitoringFormDetail } from '@jixiao/contract';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Grid,
  Input,
  Modal,
  Popover,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMonitoringForm, useMonitoringWrites } from '../../api/monitoring-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { Money } from '../../components/Money.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { isOneOf } from '../../lib/one-of.ts';
import { DecisionModal } from './DecisionModal.tsx';
import { LightTag } from './LightTag.tsx';
import { editsOf, type FormEdits, type IndicatorEdit, saveBodyOf } from './monitoring-form.ts';
import { RectifyModal } from './RectifyModal.tsx';
import { RequestAdjustment } from './RequestAdjustment.tsx';
import { SpendingCurveChart } from './SpendingCurveChart.tsx';

type MoneyRow = MonitoringFormDetail['money'][number];
type IndicatorRow = MonitoringFormDetail['indicators'][number];

const withUnit = (value: string | null, unit: string | null) => (value === null ? '—' : unit ? `${value} ${unit}` : value);

/** A 实际完成值 the system computed (ledger as of the cut-off, or a survey): the figure, where it comes from and how. */
function ComputedActual({ row, computed }: { row: IndicatorRow; computed: NonNullable<IndicatorRow['computed']> }) {
  const { t } = useI18n();
  const content = (
    <Space direction="vertical" size={4} style={{ maxWidth: 360 }}>
      <Typography.Text type="secondary">{t('monitoring.computed.hint')}</Typography.Text>
      <Typography.Text>{computed.rule}</Typography.Text>
      <Typography.Text code>{computed.formula}</Typography.Text>
      {computed.kind === 'ledger' && computed.budgetLineIds[0] && (
        <Link to={`/control/ledger?line=${computed.budgetLineIds[0]}`}>{t('monitoring.computed.openLedger')}</Link>
      )}
    </Space>
  );
  return (
    <Space size={4} wrap data-testid={`monitoring-computed-${row.name}`}>
      <span>{withUnit(row.actualToDate, row.unit)}</span>
      <Popover content={content} title={t(`monitoring.computed.${computed.kind}`)}>
        <Tag color="blue" style={{ cursor: 'help' }}>
          {t(`monitoring.computed.${computed.kind}`)}
        </Tag>
      </Popover>
    </Space>
  );
}

/**
 * 绩效运行监控表: the money per funding source (spending read from the ledger, with a link to it), the
 * expected-spending chart, the indicators with their lights explained, and the steps the server permits.
 */
export function MonitoringFormDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const query = useMonitoringForm(id);
  const writes = useMonitoringWrites();
  const { write, saving } = useWrite();
  const form = query.data;
  const [edits, setEdits] = useState<FormEdits>({ forecasts: {}, indicators: {} });
  const [decision, setDecision] = useState<'approve' | 'return' | null>(null);
  const [rectifying, setRectifying] = useState(false);
  useEffect(() => {
    if (form) setEdits(editsOf(form));
  }, [form]);
  const editable = form?.permissions.edit ?? false;
  const month = form ? Number(form.cutoffDate.slice(5, 7)) : 0;

  const setForecast = (source: string, forecast: string | null) =>
    setEdits((current) => ({ ...current, forecasts: { ...current.forecasts, [source]: forecast } }));
  const setIndicator = (indicatorId: string, patch: Partial<IndicatorEdit>) =>
    setEdits((current) => ({
      ...current,
      indicators: { ...current.indicators, [indicatorId]: { ...current.indicators[indicatorId], indicatorId, ...patch } },
    }));
  const edit = (row: IndicatorRow): IndicatorEdit => edits.indicators[row.indicatorId] ?? { indicatorId: row.indicatorId };

  const save = () => form && write(() => writes.save.mutateAsync({ id: form.id, body: saveBodyOf(form, edits) }));
  const submit = () =>
    form &&
    Modal.confirm({
      title: t('monitoring.submit'),
      content: t('monitoring.confirmSubmit'),
      onOk: () =>
        write(
          async () => {
            // What is on screen is what goes: save first, then submit the version that save returned.
            const saved = editable ? await writes.save.mutateAsync({ id: form.id, body: saveBodyOf(form, edits) }) : form;
            await writes.submit.mutateAsync({ id: form.id, version: saved.version });
          },
          { success: t('monitoring.submitted') },
        ),
    });

  const moneyColumns = [
    { title: t('monitoring.source'), dataIndex: 'source', width: 140 },
    { title: t('monitoring.initial'), dataIndex: 'initial', align: 'right' as const, render: (value: string) => <Money value={value} /> },
    { title: t('monitoring.adjusted'), dataIndex: 'adjusted', align: 'right' as const, render: (value: string) => <Money value={value} /> },
    {
      title: t('monitoring.spent', { month }),
      dataIndex: 'spent',
      align: 'right' as const,
      render: (value: string, row: MoneyRow) => (
        <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <span data-testid={`monitoring-spent-${row.source}`}>
            <Money value={value} />
          </span>
          {form && row.budgetLineIds[0] && (
            <Link to={`/control/ledger?line=${row.budgetLineIds[0]}`} data-testid="monitoring-ledger-link">
              {t('monitoring.toLedger')}
            </Link>
          )}
        </Space>
      ),
    },
    {
      title: t('monitoring.executionRate'),
      dataIndex: 'executionRate',
      align: 'right' as const,
      width: 90,
      render: (rate: string | null) => (rate === null ? '—' : `${rate}%`),
    },
    {
      title: t('monitoring.timeProgress'),
      dataIndex: 'timeProgress',
      align: 'right' as const,
      width: 90,
      render: (progress: string) => `${progress}%`,
    },
    {
      title: t('monitoring.forecast'),
      dataIndex: 'forecast',
      width: 170,
      render: (forecast: string | null, row: MoneyRow) =>
        editable ? (
          <MoneyInput
            size="small"
            value={edits.forecasts[row.source] ?? null}
            onChange={(value) => setForecast(row.source, value)}
            data-testid={`monitoring-forecast-${row.source}`}
          />
        ) : (
          <Money value={forecast} />
        ),
    },
    { title: t('monitoring.lightColumn'), key: 'light', width: 80, render: (_: unknown, row: MoneyRow) => <LightTag light={row.light} /> },
  ];

  const indicatorColumns = [
    {
      title: t('monitoring.indicator'),
      dataIndex: 'name',
      width: 180,
      render: (name: string, row: IndicatorRow) => (
        <Space orientation="vertical" size={0}>
          <span>{name}</span>
          {isOneOf(LEVEL2, row.level2) && <Typography.Text type="secondary">{t(`level2.${row.level2}`)}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('monitoring.target'),
      key: 'target',
      width: 140,
      render: (_: unknown, row: IndicatorRow) => (
        <Space orientation="vertical" size={0} data-testid={`monitoring-target-${row.name}`}>
          <span>{row.nature === 'quantitative' ? withUnit(row.target, row.unit) : (row.targetText ?? '—')}</span>
          {row.originalTarget !== null && row.originalTarget !== row.target && (
            <Typography.Text type="secondary">
              <Tag color="blue">{t('monitoring.adjustedTag')}</Tag>
              {t('monitoring.originalTarget', { value: withUnit(row.originalTarget, row.unit) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('monitoring.actualToDate', { month }),
      key: 'actual',
      width: 150,
      render: (_: unknown, row: IndicatorRow) => {
        if (row.computed) return <ComputedActual row={row} computed={row.computed} />;
        if (!editable) return row.nature === 'quantitative' ? withUnit(row.actualToDate, row.unit) : (row.actualText ?? '—');
        return row.nature === 'quantitative' ? (
          <DecimalInput
            size="small"
            value={edit(row).actualToDate ?? null}
            suffix={row.unit ?? undefined}
            onChange={(value) => setIndicator(row.indicatorId, { actualToDate: value })}
            data-testid={`monitoring-actual-${row.name}`}
          />
        ) : (
          <Input
            size="small"
            value={edit(row).actualText ?? ''}
            onChange={(event) => setIndicator(row.indicatorId, { actualText: event.target.value })}
            data-testid={`monitoring-actual-${row.name}`}
          />
        );
      },
    },
    {
      title: t('monitoring.forecastYearEnd'),
      key: 'forecastYearEnd',
      width: 130,
      render: (_: unknown, row: IndicatorRow) =>
        editable && row.nature === 'quantitative' ? (
          <DecimalInput
            size="small"
            value={edit(row).forecastYearEnd ?? null}
            suffix={row.unit ?? undefined}
            onChange={(value) => setIndicator(row.indicatorId, { forecastYearEnd: value })}
          />
        ) : (
          withUnit(row.forecastYearEnd, row.unit)
        ),
    },
    {
      title: t('monitoring.light'),
      key: 'light',
      width: 80,
      render: (_: unknown, row: IndicatorRow) => <LightTag light={row.light} testId={`monitoring-light-${row.name}`} />,
    },
    {
      title: t('monitoring.reasons'),
      key: 'reasons',
      width: 220,
      render: (_: unknown, row: IndicatorRow) =>
        editable ? (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Select
              size="small"
              mode="multiple"
              style={{ width: '100%' }}
              placeholder={t('monitoring.reasonsPlaceholder')}
              value={edit(row).reasons ?? []}
              onChange={(reasons: IndicatorRow['reasons']) => setIndicator(row.indicatorId, { reasons })}
              options={DEVIATION_REASON.map((reason) => ({ value: reason, label: t(`monitoring.reason.${reason}`) }))}
              data-testid={`monitoring-reasons-${row.name}`}
            />
            <Input.TextArea
              rows={2}
              placeholder={t('monitoring.reasonText')}
              value={edit(row).reasonText ?? ''}
              onChange={(event) => setIndicator(row.indicatorId, { reasonText: event.target.value })}
              data-testid={`monitoring-reason-text-${row.name}`}
            />
          </Space>
        ) : (
          <Space orientation="vertical" size={0}>
            <span>{row.reasons.map((reason) => t(`monitoring.reason.${reason}`)).join('、') || '—'}</span>
            {row.reasonText && <Typography.Text type="secondary">{row.reasonText}</Typography.Text>}
          </Space>
        ),
    },
    {
      title: t('monitoring.likelihood'),
      key: 'likelihood',
      width: 120,
      render: (_: unknown, row: IndicatorRow) =>
        editable ? (
          <Select
            size="small"
            allowClear
            style={{ width: 110 }}
            value={edit(row).likelihood ?? undefined}
            onChange={(likelihood: IndicatorRow['likelihood'] | undefined) =>
              setIndicator(row.indicatorId, { likelihood: likelihood ?? null })
            }
            options={LIKELIHOOD.map((value) => ({ value, label: t(`monitoring.likelihoodOf.${value}`) }))}
            data-testid={`monitoring-likelihood-${row.name}`}
          />
        ) : row.likelihood ? (
          t(`monitoring.likelihoodOf.${row.likelihood}`)
        ) : (
          '—'
        ),
    },
    {
      title: t('monitoring.measures'),
      key: 'measures',
      width: 200,
      render: (_: unknown, row: IndicatorRow) =>
        editable ? (
          <Input.TextArea
            rows={2}
            value={edit(row).measures ?? ''}
            onChange={(event) => setIndicator(row.indicatorId, { measures: event.target.value })}
            data-testid={`monitoring-measures-${row.name}`}
          />
        ) : (
          <span className="wrap-text">{row.measures ?? '—'}</span>
        ),
    },
  ];

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={screens.lg ? 1280 : '100%'}
      title={form?.title ?? t('monitoring.form')}
      destroyOnHidden
    >
      {query.error && <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {form && (
        <Flex vertical gap={16} data-testid="monitoring-form">
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={t('monitoring.unit')}>{form.organisationName}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.department')}>{form.departmentName}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.status')}>
              <Tag data-testid="monitoring-status">{form.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.cutoff')}>{formatDate(form.cutoffDate)}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.deadline')}>{formatDate(form.deadline)}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.kind')}>{t(`monitoring.kindOf.${form.taskKind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.budgetLight')}>
              <LightTag light={form.budget.light} testId="monitoring-budget-light" />
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.ruleSet')} span={2}>
              {t('monitoring.ruleSetOf', { region: form.ruleSet.region, version: form.ruleSet.version })}
              {' · '}
              {t(form.ruleSet.preset === 'milestones' ? 'monitoring.preset.milestones' : 'monitoring.preset.ratio')}
            </Descriptions.Item>
          </Descriptions>

          {form.warnings.length > 0 && (
            <Flex vertical gap={8} data-testid="monitoring-warnings">
              {form.warnings.map((warning) => (
                <Alert
                  key={`${warning.code}-${warning.subject}`}
                  type="warning"
                  showIcon
                  message={locale === 'en' ? warning.messageEn : warning.message}
                />
              ))}
            </Flex>
          )}

          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('monitoring.money')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('monitoring.moneyNote')}</Typography.Text>
          <Table<MoneyRow>
            rowKey="source"
            size="small"
            pagination={false}
            dataSource={form.money}
            columns={moneyColumns}
            scroll={{ x: 960 }}
            data-testid="monitoring-money"
          />
          <SpendingCurveChart form={form} />
          <Typography.Text type="secondary">
            {t(`monitoring.curveNote.${form.budget.expected.curve}`, {
              atCutoff: `${(Number(form.budget.expected.atCutoff) * 100).toFixed(2)}%`,
              linear: `${(Number(form.budget.expected.linearAtCutoff) * 100).toFixed(2)}%`,
            })}
          </Typography.Text>

          {form.indicators.length > 0 && (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('monitoring.indicators')}
              </Typography.Title>
              <Table<IndicatorRow>
                rowKey="indicatorId"
                size="small"
                pagination={false}
                dataSource={form.indicators}
                columns={indicatorColumns}
                scroll={{ x: 1300 }}
                data-testid="monitoring-indicators"
              />
            </>
          )}

          {form.problems.length > 0 && (
            <Flex vertical gap={4} data-testid="monitoring-problems">
              {form.problems.map((problem) => (
                <Alert key={`${problem.index}-${problem.field}-${problem.message}`} type="error" showIcon message={problem.message} />
              ))}
            </Flex>
          )}

          <Space wrap>
            {editable && (
              <Button loading={saving} onClick={() => void save()} data-testid="monitoring-save">
                {t('monitoring.save')}
              </Button>
            )}
            {form.permissions.submit && (
              <Button type="primary" loading={saving} onClick={submit} data-testid="monitoring-submit">
                {t('monitoring.submit')}
              </Button>
            )}
            {form.permissions.approve && (
              <Button type="primary" onClick={() => setDecision('approve')} data-testid="monitoring-approve">
                {t('monitoring.approve')}
              </Button>
            )}
            {form.permissions.return && (
              <Button onClick={() => setDecision('return')} data-testid="monitoring-return">
                {t('monitoring.return')}
              </Button>
            )}
            {form.permissions.rectify && (
              <Button danger onClick={() => setRectifying(true)} data-testid="monitoring-rectify">
                {t('monitoring.rectify')}
              </Button>
            )}
            {form.rectificationId && <Link to={`/rectifications?open=${form.rectificationId}`}>{t('monitoring.openRectification')}</Link>}
            {form.permissions.requestAdjustment && form.declarationId && <RequestAdjustment declarationId={form.declarationId} />}
            {form.declarationId && <Link to={`/declarations/${form.declarationId}`}>{t('monitoring.openDeclaration')}</Link>}
          </Space>
          {form.permissions.refusal && <Typography.Text type="warning">{form.permissions.refusal}</Typography.Text>}

          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('monitoring.history')}
          </Typography.Title>
          {form.steps.length === 0 ? (
            <Typography.Text type="secondary">{t('monitoring.noSteps')}</Typography.Text>
          ) : (
            <Timeline
              items={form.steps.map((step, index) => ({
                key: `${step.at}-${index}`,
                color: step.action === 'return' ? 'red' : step.toStatus === 'finance_approved' ? 'green' : 'blue',
                title: formatDateTime(step.at),
                content: (
                  <div>
                    <Typography.Text strong>{step.actionLabel}</Typography.Text>
                    <Typography.Text type="secondary"> · {step.actorName}</Typography.Text>
                    {step.opinion && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{step.opinion}</Typography.Paragraph>}
                  </div>
                ),
              }))}
            />
          )}
          <DecisionModal form={form} action={decision} onClose={() => setDecision(null)} />
          <RectifyModal form={form} open={rectifying} onClose={() => setRectifying(false)} />
        </Flex>
      )}
    </Drawer>
  );
}
