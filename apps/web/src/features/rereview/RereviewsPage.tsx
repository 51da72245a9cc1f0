import type { RereviewDetail, RereviewSampleDetail } from '@jixiao/contract';
import { Button, Card, Checkbox, Descriptions, Drawer, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useFiscalYears } from '../../api/admin-queries.ts';
import {
  type RereviewPreviewBody,
  type RereviewRow,
  useRereview,
  useRereviewList,
  useRereviewPreview,
  useRereviewSample,
  useRereviewWrites,
} from '../../api/rereview-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { EChart } from '../../components/EChart.tsx';
import { type ChartOption, chartValue } from '../../components/echarts.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';

type Sampled = RereviewDetail['sample'][number];
type Other = RereviewDetail['others'][number];

const freshSeed = () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Waits until typing stops before asking the server for a preview. */
function useDebounced<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function NewRound({ fiscalYear, onCreated }: { fiscalYear: number; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const writes = useRereviewWrites();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(`${fiscalYear} 年度抽查复核`);
  const [useThreshold, setUseThreshold] = useState(false);
  const [threshold, setThreshold] = useState('5000000');
  const [useRandom, setUseRandom] = useState(true);
  const [share, setShare] = useState('20');
  const [stratify, setStratify] = useState<'none' | 'department' | 'amount'>('department');
  const [seed, setSeed] = useState(freshSeed);
  const [include, setInclude] = useState<string[]>([]);
  const [exclude, setExclude] = useState<string[]>([]);
  const body: RereviewPreviewBody = {
    fiscalYear,
    seed,
    rule: {
      threshold: useThreshold ? threshold : null,
      random: useRandom ? { share, stratify } : null,
      include,
      exclude,
    },
  };
  const preview = useRereviewPreview(useDebounced(open ? body : null));
  const data = preview.data;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="rereview-new">
        {t('rereview.new')}
      </Button>
      <Drawer
        open={open}
        width={Math.min(1000, window.innerWidth)}
        title={t('rereview.new')}
        onClose={() => setOpen(false)}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input
            aria-label={t('rereview.name')}
            addonBefore={t('rereview.name')}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <Flex gap={12} wrap align="center">
            <Checkbox checked={useThreshold} onChange={(event) => setUseThreshold(event.target.checked)}>
              {t('rereview.useThreshold')}
            </Checkbox>
            <Input
              style={{ width: 320 }}
              aria-label={t('rereview.threshold')}
              addonBefore={t('rereview.threshold')}
              disabled={!useThreshold}
              value={threshold}
              onChange={(event) => setThreshold(event.target.value)}
            />
          </Flex>
          <Flex gap={12} wrap align="center">
            <Checkbox checked={useRandom} onChange={(event) => setUseRandom(event.target.checked)}>
              {t('rereview.useRandom')}
            </Checkbox>
            <Input
              style={{ width: 200 }}
              aria-label={t('rereview.share')}
              addonBefore={t('rereview.share')}
              disabled={!useRandom}
              value={share}
              onChange={(event) => setShare(event.target.value)}
            />
            <Select
              style={{ width: 180 }}
              aria-label={t('rereview.stratify')}
              disabled={!useRandom}
              value={stratify}
              onChange={setStratify}
              options={(['none', 'department', 'amount'] as const).map((value) => ({ value, label: t(`rereview.stratify.${value}`) }))}
            />
          </Flex>
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t('rereview.seed')}</Typography.Text>
            <Typography.Text code>{seed}</Typography.Text>
            <Button size="small" onClick={() => setSeed(freshSeed())}>
              {t('rereview.redraw')}
            </Button>
          </Flex>
          <Typography.Title level={5}>{t('rereview.preview')}</Typography.Title>
          {preview.error && <ApiErrorAlert error={preview.error} />}
          {data && (
            <>
              <Typography.Text>
                {t('rereview.population', { count: data.population })}
                {data.strata.length > 1 &&
                  `　${data.strata.map((stratum) => t('rereview.stratum', { label: stratum.label, drawn: stratum.drawn, pool: stratum.pool })).join('；')}`}
              </Typography.Text>
              <SampleTable
                rows={data.sample}
                action={(row) => (
                  <Button
                    size="small"
                    onClick={() => {
                      setInclude(include.filter((id) => id !== row.evaluationId));
                      setExclude([...exclude, row.evaluationId]);
                    }}
                  >
                    {t('rereview.remove')}
                  </Button>
                )}
              />
              <Typography.Title level={5}>{t('rereview.others')}</Typography.Title>
              <SampleTable
                rows={data.others}
                action={(row) => (
                  <Button
                    size="small"
                    onClick={() => {
                      setExclude(exclude.filter((id) => id !== row.evaluationId));
                      setInclude([...include, row.evaluationId]);
                    }}
                  >
                    {t('rereview.add')}
                  </Button>
                )}
              />
            </>
          )}
          {writes.create.error && <ApiErrorAlert error={writes.create.error} />}
          <Button
            type="primary"
            loading={writes.create.isPending}
            disabled={!data || data.sample.length === 0}
            onClick={() =>
              writes.create.mutate(
                { ...body, title, seed },
                {
                  onSuccess: ({ id }) => {
                    setOpen(false);
                    onCreated(id);
                  },
                },
              )
            }
          >
            {t('rereview.create')}
          </Button>
        </Space>
      </Drawer>
    </>
  );
}

function SampleTable<R extends Other>({ rows, action }: { rows: readonly R[]; action?: (row: R) => React.ReactNode }) {
  const { t } = useI18n();
  return (
    <Table<R>
      size="small"
      rowKey="evaluationId"
      dataSource={[...rows]}
      pagination={false}
      scroll={{ x: 720 }}
      columns={[
        { title: t('rereview.evaluation'), dataIndex: 'name' },
        { title: t('rereview.department'), dataIndex: 'departmentName' },
        { title: t('rereview.budget'), dataIndex: 'budget', align: 'right' },
        { title: t('rereview.selfScore'), dataIndex: 'selfTotal', align: 'right' },
        { title: t('rereview.why'), dataIndex: 'reasonText' },
        ...(action ? [{ title: '', key: 'action', render: (_: unknown, row: R) => action(row) }] : []),
      ]}
    />
  );
}

function RescoreDrawer({ roundId, sampleId, onClose }: { roundId: string; sampleId: string; onClose: () => void }) {
  const { t } = useI18n();
  const query = useRereviewSample(roundId, sampleId);
  const writes = useRereviewWrites();
  const data = query.data;
  const [edits, setEdits] = useState<Record<string, { score: string; reason: string }>>({});
  const [opinion, setOpinion] = useState('');
  const editable = data?.permissions.rescore ?? false;
  const writeError = (writes.saveScores.error ?? writes.complete.error) as Error | null;
  const entry = (item: RereviewSampleDetail['items'][number]) =>
    edits[item.itemId] ?? { score: item.score ?? item.selfScore, reason: item.reason ?? '' };
  const save = () =>
    data &&
    writes.saveScores.mutate(
      {
        id: roundId,
        sampleId,
        body: { scores: data.items.map((item) => ({ itemId: item.itemId, ...entry(item) })), version: data.version },
      },
      { onSuccess: () => setEdits({}) },
    );
  return (
    <Drawer open width={Math.min(1000, window.innerWidth)} title={data?.name} onClose={onClose} destroyOnHidden>
      {query.error && <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {data.permissions.refusal && <Typography.Text type="warning">{data.permissions.refusal}</Typography.Text>}
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'self', label: t('rereview.selfScore'), children: data.selfTotal },
              { key: 're', label: t('rereview.rescore'), children: data.rereviewTotal ?? '—' },
              { key: 'dev', label: t('rereview.deviation'), children: data.deviation ?? '—' },
            ]}
          />
          <Table
            size="small"
            rowKey="itemId"
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 800 }}
            columns={[
              { title: t('rereview.item'), dataIndex: 'name' },
              { title: t('rereview.weight'), dataIndex: 'weight', align: 'right' },
              { title: t('rereview.selfScore'), dataIndex: 'selfScore', align: 'right' },
              {
                title: t('rereview.rescore'),
                key: 'score',
                render: (_, item) =>
                  editable ? (
                    <Input
                      style={{ width: 90 }}
                      aria-label={`${item.name} ${t('rereview.rescore')}`}
                      value={entry(item).score}
                      onChange={(event) => setEdits({ ...edits, [item.itemId]: { ...entry(item), score: event.target.value } })}
                    />
                  ) : (
                    (item.score ?? '—')
                  ),
              },
              {
                title: t('rereview.reason'),
                key: 'reason',
                render: (_, item) =>
                  editable ? (
                    <Input
                      aria-label={`${item.name} ${t('rereview.reason')}`}
                      status={entry(item).score !== item.selfScore && !entry(item).reason.trim() ? 'warning' : undefined}
                      placeholder={entry(item).score !== item.selfScore ? t('rereview.reasonNeeded') : undefined}
                      value={entry(item).reason}
                      onChange={(event) => setEdits({ ...edits, [item.itemId]: { ...entry(item), reason: event.target.value } })}
                    />
                  ) : (
                    item.reason
                  ),
              },
            ]}
          />
          {writeError && <ApiErrorAlert error={writeError} />}
          {editable && (
            <>
              <Button onClick={save} loading={writes.saveScores.isPending}>
                {t('rereview.save')}
              </Button>
              <Input.TextArea
                aria-label={t('rereview.opinion')}
                placeholder={t('rereview.opinion')}
                value={opinion}
                onChange={(event) => setOpinion(event.target.value)}
              />
              <Popconfirm
                title={t('rereview.completeTitle')}
                onConfirm={() => writes.complete.mutate({ id: roundId, sampleId, body: { opinion, version: data.version } })}
              >
                <Button type="primary" disabled={!opinion.trim() || !data.permissions.complete}>
                  {t('rereview.complete')}
                </Button>
              </Popconfirm>
            </>
          )}
          {data.opinion && (
            <Typography.Paragraph>
              {t('rereview.opinion')}：{data.opinion}
            </Typography.Paragraph>
          )}
        </Space>
      )}
    </Drawer>
  );
}

function RoundDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const query = useRereview(id);
  const writes = useRereviewWrites();
  const [sampleId, setSampleId] = useState<string | null>(null);
  const data = query.data;
  const roundError = (writes.updateSample.error ?? writes.confirm.error ?? writes.publish.error) as Error | null;
  const chart = useMemo<ChartOption | null>(() => {
    const done = data?.results.filter((row) => row.rereviewTotal !== null) ?? [];
    if (done.length === 0) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('rereview.selfScore'), t('rereview.rescore')] },
      grid: { left: 40, right: 16, bottom: 60, top: 40 },
      xAxis: { type: 'category', data: done.map((row) => row.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        { name: t('rereview.selfScore'), type: 'bar', data: done.map((row) => chartValue(row.selfTotal)) },
        { name: t('rereview.rescore'), type: 'bar', data: done.map((row) => chartValue(row.rereviewTotal)) },
      ],
    };
  }, [data, t]);
  const edit = (include: string[], exclude: string[]) =>
    data && writes.updateSample.mutate({ id, body: { include, exclude, version: data.version } });
  return (
    <Drawer open width={Math.min(1100, window.innerWidth)} title={data?.title} onClose={onClose} destroyOnHidden>
      {query.error && <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'rule', label: t('rereview.rule'), children: data.ruleText },
              { key: 'seed', label: t('rereview.seed'), children: <Typography.Text code>{data.seed}</Typography.Text> },
              { key: 'population', label: t('rereview.sample'), children: `${data.sample.length} / ${data.population}` },
            ]}
          />
          {roundError && <ApiErrorAlert error={roundError} />}
          <SampleTable
            rows={data.sample}
            action={(row: Sampled) =>
              data.permissions.edit ? (
                <Button
                  size="small"
                  onClick={() =>
                    edit(
                      data.rule.include.filter((entry) => entry !== row.evaluationId),
                      [...data.rule.exclude, row.evaluationId],
                    )
                  }
                >
                  {t('rereview.remove')}
                </Button>
              ) : data.permissions.rescore || data.status === 'confirmed' ? (
                <Button size="small" onClick={() => setSampleId(row.sampleId)}>
                  {t('rereview.open')}
                </Button>
              ) : null
            }
          />
          {data.permissions.edit && data.others.length > 0 && (
            <>
              <Typography.Title level={5}>{t('rereview.others')}</Typography.Title>
              <SampleTable
                rows={data.others}
                action={(row) => (
                  <Button
                    size="small"
                    onClick={() =>
                      edit(
                        [...data.rule.include, row.evaluationId],
                        data.rule.exclude.filter((entry) => entry !== row.evaluationId),
                      )
                    }
                  >
                    {t('rereview.add')}
                  </Button>
                )}
              />
            </>
          )}
          {data.permissions.confirm && (
            <Popconfirm title={t('rereview.confirmTitle')} onConfirm={() => writes.confirm.mutate({ id, version: data.version })}>
              <Button type="primary">{t('rereview.confirm')}</Button>
            </Popconfirm>
          )}
          {data.status === 'confirmed' && (
            <>
              <Typography.Title level={5}>{t('rereview.results')}</Typography.Title>
              <Table
                size="small"
                rowKey="sampleId"
                dataSource={data.results}
                pagination={false}
                scroll={{ x: 800 }}
                columns={[
                  { title: t('rereview.evaluation'), dataIndex: 'name' },
                  { title: t('rereview.department'), dataIndex: 'departmentName' },
                  {
                    title: t('rereview.status'),
                    dataIndex: 'status',
                    render: (status: string) => <Tag>{t(`rereview.sample.${status}` as MessageKey)}</Tag>,
                  },
                  { title: t('rereview.selfScore'), dataIndex: 'selfTotal', align: 'right' },
                  { title: t('rereview.rescore'), dataIndex: 'rereviewTotal', align: 'right' },
                  { title: t('rereview.deviation'), dataIndex: 'deviation', align: 'right' },
                  { title: t('rereview.opinion'), dataIndex: 'opinion' },
                ]}
              />
              <Typography.Title level={5}>{t('rereview.byDepartment')}</Typography.Title>
              <Table
                size="small"
                rowKey="departmentName"
                dataSource={data.departments}
                pagination={false}
                columns={[
                  { title: t('rereview.department'), dataIndex: 'departmentName' },
                  { title: t('rereview.average'), dataIndex: 'averageDeviation', align: 'right' },
                ]}
              />
              {chart && <EChart option={chart} label={t('rereview.chart')} testId="rereview-chart" />}
              {data.published && data.publishedOn && <Tag color="green">{t('rereview.publishedOn', { date: data.publishedOn })}</Tag>}
              {data.permissions.publish && (
                <Popconfirm title={t('rereview.publishTitle')} onConfirm={() => writes.publish.mutate({ id, version: data.version })}>
                  <Button type="primary">{t('rereview.publish')}</Button>
                </Popconfirm>
              )}
            </>
          )}
        </Space>
      )}
      {sampleId && <RescoreDrawer roundId={id} sampleId={sampleId} onClose={() => setSampleId(null)} />}
    </Drawer>
  );
}

/** 抽查复核: the year's rounds; a new round with a live preview; a round's sample, re-scores and results. */
export default function RereviewsPage() {
  const { t } = useI18n();
  const years = useFiscalYears();
  const yearOptions = useMemo(() => (years.data?.items ?? []).map((year) => year.year).sort((a, b) => b - a), [years.data]);
  const [fiscalYear, setFiscalYear] = useState<number | undefined>();
  const year = fiscalYear ?? yearOptions[0];
  const list = useRereviewList(year);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="page-stack">
      <Typography.Title level={3} className="page-title">
        {t('rereview.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('rereview.intro')}</Typography.Paragraph>
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 120 }}
            aria-label={t('evaluation.fiscalYear')}
            value={year}
            onChange={setFiscalYear}
            options={yearOptions.map((value) => ({ value, label: String(value) }))}
          />
          {year !== undefined && <NewRound fiscalYear={year} onCreated={setSelected} />}
        </Flex>
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<RereviewRow>
            size="small"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('rereview.empty') }}
            pagination={false}
            onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('rereview.name'), dataIndex: 'title' },
              {
                title: t('rereview.status'),
                key: 'status',
                render: (_, row) => (
                  <Space>
                    <Tag>{t(`rereview.status.${row.status}` as MessageKey)}</Tag>
                    {row.published && <Tag color="green">{t('rereview.published')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('rereview.progress'),
                key: 'progress',
                align: 'right',
                render: (_, row) => `${row.completedCount} / ${row.sampleCount}`,
              },
            ]}
          />
        )}
      </Card>
      {selected && <RoundDrawer id={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}
