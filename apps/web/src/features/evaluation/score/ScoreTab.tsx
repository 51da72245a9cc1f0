import { EditOutlined } from '@ant-design/icons';
import { hasScoredItem } from '@jixiao/core';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ScoredItem } from '../../../api/types.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { gradeLabel } from '../../../lib/labels.ts';
import { FindingsPanel } from '../indicators/FindingsPanel.tsx';
import { treeOrder } from '../indicators/indicator-tree.ts';
import { ItemStatusTag } from '../indicators/item-status.tsx';
import type { TabProps } from '../tab-props.ts';
import { AdjustModal } from './AdjustModal.tsx';
import { ScoreCharts } from './ScoreCharts.tsx';

/** The table reads like the report: 产出, 效益, 满意度, then 预算执行率 and 管理效率 (the sort is stable within a part). */
const PART_ORDER: readonly ScoredItem['part'][] = ['output', 'effect', 'satisfaction', 'indicators', 'execution', 'management'];

function Explanation({ item }: { item: ScoredItem }) {
  const { t } = useI18n();
  const inputs = Object.entries(item.explanation.inputs);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'rule', label: t('score.rule'), children: item.explanation.ruleTitle },
        { key: 'source', label: t('score.source'), children: item.explanation.source },
        ...(inputs.length
          ? [{ key: 'inputs', label: t('score.inputs'), children: inputs.map(([name, value]) => `${name}：${value}`).join('；') }]
          : []),
        { key: 'text', label: t('score.explanation'), children: <span className="wrap-text">{item.explanation.text}</span> },
        ...(item.deviationReason ? [{ key: 'deviation', label: t('indicator.deviationReason'), children: item.deviationReason }] : []),
        ...(item.adjustment
          ? [
              {
                key: 'adjustment',
                label: t('score.adjustment'),
                children: (
                  <span className="wrap-text">{item.adjustmentExplanation ?? `${item.adjustment.score}：${item.adjustment.reason}`}</span>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 得分: every scored line with its rule and arithmetic, the totals, the charts, and reviewers' adjustments. */
export function ScoreTab({ evaluation, score }: TabProps) {
  const { t } = useI18n();
  const [adjustingCode, setAdjustingCode] = useState<string | null>(null);
  if (score.error) return <ApiErrorAlert error={score.error} onRetry={() => void score.refetch()} />;
  const data = score.data;
  if (!data) return <Skeleton active />;
  // Scored items name indicators by code.
  const indicators = new Map(evaluation.indicators.map((indicator) => [indicator.code, indicator]));
  const canAdjust = evaluation.permissions.adjust;
  const blocking = data.findings.some((finding) => finding.blocking);
  // Before anything is scored the sum is 0.00 and the band 差: neither says anything yet.
  const scored = hasScoredItem(data);
  // Indicators in the order of the indicator tree, then 预算执行率 and 管理效率 after them.
  const inTree = new Map(treeOrder(evaluation.indicators).map((code, index) => [code, index]));
  const rank = (item: ScoredItem) =>
    item.kind === 'indicator' ? (inTree.get(item.id) ?? inTree.size) : inTree.size + 1 + PART_ORDER.indexOf(item.part);
  // Computed and adjustment columns only matter once someone can adjust or has adjusted.
  const adjusted = data.items.some((item) => item.adjustment);
  const showAdjustment = canAdjust || adjusted;
  // Looked up on every render, so after a write the modal works with the indicator's current version.
  const adjustingIndicator = adjustingCode ? indicators.get(adjustingCode) : undefined;
  const adjustingItem = data.items.find((item) => item.kind === 'indicator' && item.id === adjustingCode);
  const adjusting = adjustingIndicator && adjustingItem ? { indicator: adjustingIndicator, item: adjustingItem } : null;

  return (
    <Flex vertical gap={16}>
      {blocking && <Alert type="error" showIcon title={t('score.blocking')} />}
      <Flex gap={32} wrap align="flex-start">
        <Statistic
          title={t('score.totalFinal')}
          value={scored ? (data.total.final ?? '—') : t('score.unscored')}
          suffix={scored ? t('score.points') : undefined}
          valueRender={(node) => <span data-testid="score-tab-total">{node}</span>}
        />
        <Statistic title={t('score.totalComputed')} value={scored ? (data.total.computed ?? '—') : '—'} />
        <Statistic title={t('evaluation.grade')} value={scored ? gradeLabel(t, data.grade.final) : '—'} />
        <Typography.Paragraph type="secondary" style={{ flex: '1 1 320px', margin: 0 }} className="wrap-text">
          {data.totalExplanation}
          <br />
          {data.grade.explanation}
        </Typography.Paragraph>
      </Flex>
      <ScoreCharts parts={data.parts} budget={evaluation.budget} />
      <Table<ScoredItem>
        rowKey={(item) => `${item.kind}:${item.id}`}
        size="small"
        dataSource={[...data.items].sort((a, b) => rank(a) - rank(b))}
        pagination={false}
        scroll={{ x: showAdjustment ? 1080 : 860 }}
        data-testid="score-table"
        expandable={{ expandedRowRender: (item) => <Explanation item={item} />, rowExpandable: () => true }}
        columns={[
          { title: t('score.part'), dataIndex: 'part', width: 90, render: (part: ScoredItem['part']) => t(`part.${part}`) },
          {
            title: t('indicator.name'),
            dataIndex: 'name',
            width: 230,
            render: (name: string, item) => (
              <Space orientation="vertical" size={0}>
                <span>{name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.explanation.text}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('indicator.target'), dataIndex: 'target', width: 100, render: (value: string | null) => value ?? '—' },
          { title: t('indicator.actual'), dataIndex: 'actual', width: 100, render: (value: string | null) => value ?? '—' },
          { title: t('score.completion'), dataIndex: 'completionPercent', width: 80, render: (value: string | null) => value ?? '—' },
          { title: t('indicator.weight'), dataIndex: 'weight', width: 64, align: 'right', render: (value: string | null) => value ?? '—' },
          ...(showAdjustment
            ? [
                {
                  title: t('score.computed'),
                  dataIndex: 'computed',
                  width: 76,
                  align: 'right' as const,
                  render: (value: string | null) => value ?? '—',
                },
              ]
            : []),
          {
            title: t('score.final'),
            dataIndex: 'final',
            width: 76,
            align: 'right',
            render: (value: string | null, item) => (item.adjustment ? <Tag color="orange">{value ?? '—'}</Tag> : (value ?? '—')),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 90,
            render: (status: ScoredItem['status']) => <ItemStatusTag status={status} />,
          },
          ...(showAdjustment
            ? [
                {
                  title: t('score.adjustment'),
                  key: 'adjustment',
                  width: 150,
                  render: (_value: unknown, item: ScoredItem) => {
                    const indicator = item.kind === 'indicator' ? indicators.get(item.id) : undefined;
                    return (
                      <Space orientation="vertical" size={2}>
                        {item.adjustment && <Typography.Text className="wrap-text">{item.adjustment.reason}</Typography.Text>}
                        {canAdjust && indicator && (
                          <Button
                            size="small"
                            icon={<EditOutlined />}
                            onClick={() => setAdjustingCode(indicator.code)}
                            data-testid={`adjust-${indicator.code}`}
                          >
                            {t('adjust.button')}
                          </Button>
                        )}
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      <Card size="small" title={t('findings.title')}>
        <FindingsPanel findings={data.findings} />
      </Card>
      <AdjustModal evaluationId={evaluation.id} target={adjusting} onClose={() => setAdjustingCode(null)} />
    </Flex>
  );
}
