import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { ASSESSMENT_LEVELS, type AssessmentItem, type AssessmentLevel } from '@jixiao/contract';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  Row,
  Skeleton,
  Space,
  Statistic,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useUnitPermissions } from '../../../api/access-queries.ts';
import { useSaveSelfAssessment, useSelfAssessment } from '../../../api/control-queries.ts';
import { selfAssessmentApi } from '../../../api/endpoints.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { DecimalInput } from '../../../components/DecimalInput.tsx';
import { EChart } from '../../../components/EChart.tsx';
import { type ChartOption, chartValue } from '../../../components/echarts.ts';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useReportError } from '../../../components/use-report-error.tsx';
import { useWrite } from '../../../components/use-write.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { ScopeBar } from '../scope/ScopeBar.tsx';
import { useControlScope } from '../scope/use-control-scope.ts';
import { byCategory, type Edits, type ItemEdit, initialEdits, isDirty, scoreProblem, toEntries } from './assessment.ts';

/** Scores by category against their points, as edited (horizontal bars: the category names are long). */
function CategoryChart({ groups }: { groups: ReturnType<typeof byCategory> }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('assessment.score'), t('assessment.points')], bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: groups.map((group) => group.category),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('assessment.score'),
          data: groups.map((group) => chartValue(group.score)),
          itemStyle: { color: '#1f4e99' },
          barMaxWidth: 12,
          label: { show: true, position: 'right', fontSize: 11 },
        },
        {
          type: 'bar',
          name: t('assessment.points'),
          data: groups.map((group) => chartValue(group.points)),
          itemStyle: { color: '#d9d9d9' },
          barMaxWidth: 12,
        },
      ],
    }),
    [groups, t],
  );
  return <EChart option={option} height={Math.max(240, groups.length * 30 + 60)} label={t('assessment.chart')} testId="assessment-chart" />;
}

/**
 * 内部控制基础性评价: the 36 items of 单位层面 (60 points) and 业务层面 (40 points), each with what
 * the system found (a score and its basis, 待评 or 不适用), the unit's own score and note, the totals
 * rescaled over the applicable points, a chart by category, and the .xlsx export.
 */
export default function SelfAssessmentPage() {
  const { t } = useI18n();
  const reportError = useReportError();
  const isPhone = useIsPhone();
  const scope = useControlScope();
  const { organisationId, fiscalYear } = scope;
  const query = organisationId && fiscalYear ? { organisationId, fiscalYear } : null;
  const assessment = useSelfAssessment(query);
  const data = assessment.data;
  const items = data?.items ?? [];
  const [edits, setEdits] = useState<Edits>({});
  const saveAssessment = useSaveSelfAssessment();
  const { write, saving } = useWrite();
  const canEdit = useUnitPermissions(organisationId).editSelfAssessment;

  useEffect(() => {
    if (data) setEdits(initialEdits(data.items));
  }, [data]);

  const groups = useMemo(() => byCategory(items, edits), [items, edits]);
  const invalid = items.some((item) => {
    const edit = edits[item.code];
    return edit ? scoreProblem(item, edit) !== null : false;
  });
  const dirty = data ? isDirty(data.items, edits) : false;
  const edit = (code: string, patch: Partial<ItemEdit>) =>
    setEdits((current) => {
      const before = current[code] ?? { score: '', notApplicable: false, note: '' };
      return { ...current, [code]: { ...before, ...patch } };
    });

  const prefillCell = (item: AssessmentItem) => {
    switch (item.prefill.kind) {
      case 'score':
        return (
          <Space orientation="vertical" size={0}>
            <Tag color="blue">{t('assessment.prefillScore', { score: item.prefill.score })}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.prefill.basis}
            </Typography.Text>
          </Space>
        );
      case 'not-applicable':
        return (
          <Space orientation="vertical" size={0}>
            <Tag>{t('indicator.notApplicable')}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.prefill.basis}
            </Typography.Text>
          </Space>
        );
      default:
        return <Tag color="warning">{t('assessment.manual')}</Tag>;
    }
  };

  type ItemRow = { item: AssessmentItem; group: (typeof groups)[number]; first: boolean };
  const scoreInput = (row: ItemRow) => {
    const current = edits[row.item.code];
    const problem = current ? scoreProblem(row.item, current) : null;
    return (
      <DecimalInput
        size="small"
        value={current?.score ?? ''}
        disabled={!canEdit || current?.notApplicable}
        status={problem ? 'error' : undefined}
        placeholder={t('assessment.unscored')}
        title={
          problem === 'too-high'
            ? t('assessment.tooHigh', { points: row.item.points })
            : problem === 'format'
              ? t('validation.points')
              : undefined
        }
        onChange={(score) => edit(row.item.code, { score: score ?? '' })}
        data-testid={`assessment-score-${row.item.code}`}
      />
    );
  };
  const naSwitch = (row: ItemRow) => (
    <Switch
      size="small"
      checked={edits[row.item.code]?.notApplicable ?? false}
      disabled={!canEdit}
      onChange={(notApplicable) => edit(row.item.code, { notApplicable })}
      aria-label={t('indicator.notApplicable')}
    />
  );
  const noteInput = (row: ItemRow) => (
    <Input
      size="small"
      maxLength={500}
      disabled={!canEdit}
      placeholder={t('assessment.note')}
      value={edits[row.item.code]?.note ?? ''}
      onChange={(event) => edit(row.item.code, { note: event.target.value })}
    />
  );
  const categoryCell = (row: ItemRow) => (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{row.group.category}</Typography.Text>
      <Typography.Text type="secondary" className="numeric" style={{ fontSize: 12 }}>
        {t('assessment.categoryTotal', { score: row.group.score, points: row.group.points })}
      </Typography.Text>
    </Space>
  );
  const wideColumns: TableColumnsType<ItemRow> = [
    {
      title: t('assessment.category'),
      key: 'category',
      width: 150,
      onCell: (row) => ({ rowSpan: row.first ? row.group.items.length : 0 }),
      render: (_value, row) => categoryCell(row),
    },
    { title: t('assessment.item'), key: 'name', width: 260, render: (_value, row) => <span>{`${row.item.code} ${row.item.name}`}</span> },
    {
      title: t('assessment.points'),
      key: 'points',
      width: 60,
      align: 'right',
      render: (_value, row) => <span className="numeric">{row.item.points}</span>,
    },
    { title: t('assessment.prefill'), key: 'prefill', width: 250, render: (_value, row) => prefillCell(row.item) },
    { title: t('assessment.score'), key: 'score', width: 100, render: (_value, row) => scoreInput(row) },
    { title: t('indicator.notApplicable'), key: 'na', width: 70, render: (_value, row) => naSwitch(row) },
    { title: t('assessment.note'), key: 'note', render: (_value, row) => noteInput(row) },
  ];
  // A phone has room for two columns: the item with everything about it, and the score with 不适用.
  const phoneColumns: TableColumnsType<ItemRow> = [
    {
      title: t('assessment.item'),
      key: 'item',
      render: (_value, row) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {row.first && categoryCell(row)}
          <span>{`${row.item.code} ${row.item.name}${t('common.paren', { text: t('assessment.pointsOf', { points: row.item.points }) })}`}</span>
          {prefillCell(row.item)}
          {noteInput(row)}
        </Space>
      ),
    },
    {
      title: t('assessment.score'),
      key: 'score',
      width: 96,
      render: (_value, row) => (
        <Space orientation="vertical" size={6}>
          {scoreInput(row)}
          <Space size={4}>
            {naSwitch(row)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('indicator.notApplicable')}
            </Typography.Text>
          </Space>
        </Space>
      ),
    },
  ];

  const levelTable = (level: AssessmentLevel) => {
    const rows: ItemRow[] = groups
      .filter((group) => group.level === level)
      .flatMap((group) => group.items.map((item, index) => ({ item, group, first: index === 0 })));
    return (
      <Table<ItemRow>
        key={level}
        size="small"
        rowKey={(row) => row.item.code}
        dataSource={rows}
        pagination={false}
        scroll={isPhone ? undefined : { x: 1180 }}
        data-testid={`assessment-${level}`}
        columns={isPhone ? phoneColumns : wideColumns}
      />
    );
  };

  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('assessment.title')}
        </Typography.Title>
        <Space wrap>
          {query && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void selfAssessmentApi.download(query.organisationId, query.fiscalYear).catch((error: unknown) => reportError(error))
              }
              data-testid="assessment-export"
            >
              {t('assessment.export')}
            </Button>
          )}
          {canEdit && data && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              disabled={invalid || !dirty}
              onClick={() =>
                query &&
                void write(() => saveAssessment.mutateAsync({ ...query, version: data.version, entries: toEntries(data.items, edits) }), {
                  success: t('assessment.saved'),
                })
              }
              data-testid="assessment-save"
            >
              {t('common.save')}
            </Button>
          )}
        </Space>
      </Flex>
      <ScopeBar scope={scope} />
      {assessment.error && <ApiErrorAlert error={assessment.error} onRetry={assessment.refetch} />}
      {!data && !assessment.error && <Skeleton active />}
      {data && (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('assessment.totals')} style={{ height: '100%' }}>
                <Row gutter={[12, 12]}>
                  <Col xs={12}>
                    <Statistic title={t('assessment.unitLevel')} value={`${data.unit.score} / ${data.unit.points}`} />
                  </Col>
                  <Col xs={12}>
                    <Statistic title={t('assessment.businessLevel')} value={`${data.business.score} / ${data.business.points}`} />
                  </Col>
                  <Col xs={12}>
                    <Statistic
                      title={t('assessment.total')}
                      value={data.total}
                      styles={{ content: { color: '#1f4e99' } }}
                      data-testid="assessment-total"
                    />
                  </Col>
                  <Col xs={12}>
                    <Statistic title={t('assessment.notApplicablePoints')} value={data.notApplicablePoints} />
                  </Col>
                </Row>
                <Descriptions
                  size="small"
                  column={1}
                  style={{ marginTop: 12 }}
                  items={[
                    { key: 'explanation', label: t('score.explanation'), children: <span className="wrap-text">{data.explanation}</span> },
                    { key: 'rule', label: t('score.rule'), children: t('assessment.rule') },
                    {
                      key: 'version',
                      label: t('assessment.version'),
                      children: data.version === 0 ? t('assessment.neverSaved') : String(data.version),
                    },
                  ]}
                />
                {dirty && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('assessment.unsaved')} />}
                {data.unscored.length > 0 && (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginTop: 8 }}
                    title={t('assessment.unscoredItems', { codes: data.unscored.join('、') })}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('assessment.chart')} style={{ height: '100%' }}>
                <CategoryChart groups={groups} />
              </Card>
            </Col>
          </Row>
          {ASSESSMENT_LEVELS.map((level) => (
            <Card key={level} size="small" title={t(level === 'unit' ? 'assessment.unitLevel' : 'assessment.businessLevel')}>
              {levelTable(level)}
            </Card>
          ))}
        </Flex>
      )}
    </div>
  );
}
