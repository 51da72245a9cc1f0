import { RESULT_GRADE, RESULT_TREATMENT, type ResultItem, type ResultList } from '@jixiao/contract';
import { App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ResultFilter, useDecideResult, useResults } from '../../api/results-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { EChart } from '../../components/EChart.tsx';
import type { ChartOption } from '../../components/echarts.ts';
import { Money } from '../../components/Money.tsx';
import { MoneyUnitScope } from '../../components/MoneyUnit.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isOneOf } from '../../lib/one-of.ts';

const GRADE_COLOR: Readonly<Record<ResultItem['grade'], string>> = { 优: 'green', 良: 'blue', 中: 'gold', 差: 'red' };

/** 结果应用: the year's finance-approved project results, each suggestion explained, the bureau's decision in a drawer (`?open=`). */
export default function ResultsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const [filter, setFilter] = useState<ResultFilter>({});
  const list = useResults(filter);
  const open = search.get('open');
  const item = list.data?.items.find((entry) => entry.evaluationId === open) ?? null;
  const show = (id: string | null) => {
    const next = new URLSearchParams(search);
    if (id) next.set('open', id);
    else next.delete('open');
    setSearch(next);
  };
  return (
    <MoneyUnitScope>
      {(unitToggle) => (
        <div className="page-stack">
          <Typography.Title level={3}>{t('results.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('results.intro', { percent: String(list.data?.reducePercent ?? 10) })}
          </Typography.Paragraph>
          <Card size="small">
            <Flex wrap gap={8} style={{ marginBottom: 12 }}>
              {unitToggle}
              <Select
                placeholder={t('results.fiscalYear')}
                style={{ width: 120 }}
                value={filter.fiscalYear ?? list.data?.fiscalYear ?? undefined}
                onChange={(fiscalYear: number) => setFilter({ ...filter, fiscalYear })}
                options={(list.data?.years ?? []).map((year) => ({ value: year, label: String(year) }))}
              />
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('results.department')}
                style={{ width: 260 }}
                value={filter.departmentId}
                onChange={(departmentId: string | undefined) => setFilter({ ...filter, departmentId })}
                options={(list.data?.departments ?? []).map((department) => ({ value: department.id, label: department.name }))}
                data-testid="results-department"
              />
              <Select
                allowClear
                placeholder={t('results.grade')}
                style={{ width: 100 }}
                value={filter.grade}
                onChange={(grade: string | undefined) =>
                  setFilter({ ...filter, grade: grade && isOneOf(RESULT_GRADE, grade) ? grade : undefined })
                }
                options={RESULT_GRADE.map((grade) => ({ value: grade, label: grade }))}
              />
              <Select
                allowClear
                placeholder={t('results.undecided')}
                style={{ width: 120 }}
                value={filter.undecided}
                onChange={(undecided: 'true' | 'false' | undefined) => setFilter({ ...filter, undecided })}
                options={[
                  { value: 'true', label: t('results.undecidedYes') },
                  { value: 'false', label: t('results.undecidedNo') },
                ]}
              />
            </Flex>
            {list.error ? (
              <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
            ) : (
              <Table<ResultItem>
                rowKey="evaluationId"
                size="small"
                loading={list.isLoading}
                dataSource={list.data?.items ?? []}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                scroll={{ x: 1000 }}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.none')} /> }}
                onRow={(row) => ({ onClick: () => show(row.evaluationId), style: { cursor: 'pointer' } })}
                columns={[
                  {
                    title: t('results.project'),
                    dataIndex: 'projectName',
                    render: (name: string, row) => (
                      <Flex vertical>
                        <Typography.Link>{name}</Typography.Link>
                        <Typography.Text type="secondary">
                          {row.departmentName} · {row.organisationName}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                  {
                    title: t('results.score'),
                    dataIndex: 'total',
                    width: 150,
                    render: (total: string, row) => (
                      <span title={row.scoreSourceLabel}>
                        {total} <Tag color={GRADE_COLOR[row.grade]}>{row.grade}</Tag>
                      </span>
                    ),
                  },
                  {
                    title: t('results.budget'),
                    dataIndex: 'budget',
                    width: 140,
                    align: 'right',
                    render: (budget: string) => <Money value={budget} />,
                  },
                  {
                    title: t('results.suggestion'),
                    dataIndex: 'treatmentLabel',
                    width: 220,
                    render: (_label: string, row) => (
                      <span title={row.explanation}>
                        {t(`results.treatmentOf.${row.treatment}`)} · <Money value={row.suggestedAmount} />
                      </span>
                    ),
                  },
                  {
                    title: t('results.decision'),
                    dataIndex: 'decision',
                    width: 200,
                    render: (decision: ResultItem['decision']) =>
                      decision ? (
                        <span>
                          {t(`results.treatmentOf.${decision.treatment}`)} · <Money value={decision.decidedAmount} />
                        </span>
                      ) : (
                        <Tag>{t('results.pending')}</Tag>
                      ),
                  },
                ]}
              />
            )}
          </Card>
          {list.data && <GradeChart byGrade={list.data.byGrade} />}
          <DecisionDrawer item={item} onClose={() => show(null)} />
        </div>
      )}
    </MoneyUnitScope>
  );
}

/** The amounts by grade: this year's budget, the suggestion, and the decided (or suggested) plan. */
function GradeChart({ byGrade }: { byGrade: ResultList['byGrade'] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: byGrade.map((entry) => `${entry.grade}${t('common.paren', { text: entry.count })}`) },
      yAxis: { type: 'value', name: t('results.budget') },
      series: [
        { type: 'bar', name: t('results.chartBudget'), data: byGrade.map((entry) => Number(entry.budget)) },
        { type: 'bar', name: t('results.chartSuggested'), data: byGrade.map((entry) => Number(entry.suggestedAmount)) },
        { type: 'bar', name: t('results.chartPlanned'), data: byGrade.map((entry) => Number(entry.plannedAmount)) },
      ],
    }),
    [byGrade, t],
  );
  return (
    <Card size="small" title={t('results.chart')}>
      <EChart option={option} height={280} label={t('results.chart')} testId="results-chart" />
    </Card>
  );
}

interface DecisionForm {
  decision: 'adopt' | 'adjust';
  treatment: ResultItem['treatment'];
  decidedAmount: string;
  reason?: string;
}

/** One result: the suggestion with its rule and basis, and the decision (confirmed before it is recorded). */
function DecisionDrawer({ item, onClose }: { item: ResultItem | null; onClose: () => void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const decide = useDecideResult();
  const [form] = Form.useForm<DecisionForm>();
  const decision = Form.useWatch('decision', form);
  useEffect(() => {
    if (item) form.setFieldsValue({ decision: 'adopt', treatment: item.treatment, decidedAmount: item.suggestedAmount, reason: '' });
  }, [item, form]);
  const submit = (values: DecisionForm) =>
    modal.confirm({
      title: t('results.decideTitle'),
      content: t('results.confirm'),
      onOk: async () => {
        if (!item) return;
        await decide.mutateAsync({ evaluationId: item.evaluationId, body: values });
        message.success(t('results.saved'));
        onClose();
      },
    });
  return (
    <Drawer open={item !== null} onClose={onClose} size="large" title={item?.projectName} destroyOnHidden>
      {item && (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('results.unit')}>{`${item.departmentName} · ${item.organisationName}`}</Descriptions.Item>
            <Descriptions.Item
              label={t('results.score')}
            >{`${item.scoreSourceLabel} ${item.total}${t('common.paren', { text: item.grade })}`}</Descriptions.Item>
            <Descriptions.Item label={t('results.budget')}>{item.budget}</Descriptions.Item>
            <Descriptions.Item label={t('results.suggestion')}>
              {`${t(`results.treatmentOf.${item.treatment}`)} · ${item.suggestedAmount}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('results.explanation')}>
              <Typography.Paragraph style={{ margin: 0 }} data-testid="results-explanation">
                {item.explanation}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{item.basis}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {item.decision ? (
            <Descriptions size="small" column={1} bordered title={t('results.decision')}>
              <Descriptions.Item label={t('results.treatment')}>
                {`${item.decision.decisionLabel} · ${t(`results.treatmentOf.${item.decision.treatment}`)} · ${item.decision.decidedAmount}`}
              </Descriptions.Item>
              {item.decision.reason && <Descriptions.Item label={t('results.reason')}>{item.decision.reason}</Descriptions.Item>}
              <Descriptions.Item
                label={t('results.decidedBy', { name: item.decision.decidedByName, date: item.decision.decidedAt.slice(0, 10) })}
              >
                {''}
              </Descriptions.Item>
            </Descriptions>
          ) : item.permissions.decide ? (
            <Form<DecisionForm> form={form} layout="vertical" onFinish={submit}>
              {decide.error && <ApiErrorAlert error={decide.error} />}
              <Form.Item name="decision" label={t('results.decision')}>
                <Radio.Group
                  onChange={(event) => {
                    if (event.target.value === 'adopt')
                      form.setFieldsValue({ treatment: item.treatment, decidedAmount: item.suggestedAmount });
                  }}
                  options={[
                    { value: 'adopt', label: t('results.adopt') },
                    { value: 'adjust', label: t('results.adjust') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="treatment" label={t('results.treatment')}>
                <Select
                  disabled={decision === 'adopt'}
                  options={RESULT_TREATMENT.map((treatment) => ({ value: treatment, label: t(`results.treatmentOf.${treatment}`) }))}
                />
              </Form.Item>
              <Form.Item name="decidedAmount" label={t('results.amount')}>
                <Input disabled={decision === 'adopt'} data-testid="results-amount" />
              </Form.Item>
              <Form.Item name="reason" label={t('results.reason')}>
                <Input.TextArea rows={3} data-testid="results-reason" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="results-decide">
                {t('results.decide')}
              </Button>
            </Form>
          ) : null}
        </Flex>
      )}
    </Drawer>
  );
}
