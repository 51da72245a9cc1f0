import { DeleteOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Indicator, ScoredItem } from '../../../api/types.ts';
import { type TableRowProps, TestIdRow } from '../../../components/test-id-row.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { buildIndicatorTree, groupKeys, type IndicatorTreeRow } from './indicator-tree.ts';
import { ItemStatusTag } from './item-status.tsx';

const IndicatorRow = (props: TableRowProps) => <TestIdRow prefix="indicator-row-" {...props} />;

interface Props {
  readonly indicators: readonly Indicator[];
  /** Scored items by indicator code (the scorer names indicators by code). */
  readonly scored: ReadonlyMap<string, ScoredItem>;
  readonly canEdit: boolean;
  readonly onOpen: (indicator: Indicator) => void;
  readonly onDelete: (indicator: Indicator) => void;
}

const valueText = (value: string | null, unit: string | null, text: string | null) =>
  value !== null ? `${value}${unit ?? ''}` : (text ?? '—');

/** The indicator tree: 一级 → 二级 groups with their weight sums, then the indicators; a click opens one. */
export function IndicatorTable({ indicators, scored, canEdit, onOpen, onDelete }: Props) {
  const { t } = useI18n();
  // Fixed columns would fill a phone's width; there the whole table scrolls instead.
  const isPhone = useIsPhone();
  const rows = buildIndicatorTree(indicators, (indicator) => indicator.weight ?? scored.get(indicator.code)?.weight ?? null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const expanded = groupKeys(rows).filter((key) => !collapsed.has(key));

  const forIndicator = (render: (indicator: Indicator) => ReactNode) => (_value: unknown, row: IndicatorTreeRow) =>
    row.kind === 'indicator' ? render(row.indicator) : null;

  const columns: TableColumnsType<IndicatorTreeRow> = [
    {
      title: t('indicator.name'),
      key: 'name',
      width: 280,
      fixed: isPhone ? undefined : 'left',
      render: (_value, row) => {
        if (row.kind === 'level1') return t('common.count', { label: t(`level1.${row.level1}`), count: row.count });
        if (row.kind === 'level2') return t('common.count', { label: t(`level2.${row.level2}`), count: row.count });
        const indicator = row.indicator;
        return (
          <Space orientation="vertical" size={0}>
            <Typography.Link onClick={() => onOpen(indicator)}>{indicator.name}</Typography.Link>
            <Space size={4} wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {indicator.code}
              </Typography.Text>
              {indicator.isCore && (
                <Tag color="red" data-testid={`indicator-core-${indicator.code}`}>
                  {t('indicator.coreTag')}
                </Tag>
              )}
              {indicator.notApplicable && <Tag>{t('itemStatus.not-applicable')}</Tag>}
              {indicator.illustrative && <Tag color="gold">{t('indicator.illustrative')}</Tag>}
            </Space>
          </Space>
        );
      },
    },
    {
      title: t('indicator.direction'),
      key: 'direction',
      width: 70,
      render: forIndicator((indicator) => t(`direction.${indicator.direction}`)),
    },
    {
      title: t('indicator.target'),
      key: 'target',
      width: 130,
      // With an approved adjustment both are shown, as the forms print them: 原指标值 / 调整后指标值 (scored against).
      render: forIndicator((indicator) => {
        const original = valueText(indicator.target, indicator.unit, indicator.targetText);
        if (indicator.adjustedTarget === null && indicator.adjustedTargetText === null)
          return indicator.targetAdjustment ? (
            // A line added by an approved 绩效目标调整: its target is the adjustment's own.
            <Tooltip
              title={t('indicator.targetAdjustmentTip', {
                reason: indicator.targetAdjustment.reason,
                at: indicator.targetAdjustment.approvedAt,
              })}
            >
              <Space size={4} wrap>
                <span className="wrap-text">{original}</span>
                <Tag color="blue">{t('indicator.addedByAdjustment')}</Tag>
              </Space>
            </Tooltip>
          ) : (
            <span className="wrap-text">{original}</span>
          );
        return (
          <Space orientation="vertical" size={0} data-testid={`indicator-adjusted-${indicator.code}`}>
            <Typography.Text type="secondary" delete className="wrap-text">
              {t('indicator.originalTargetShort', { value: original })}
            </Typography.Text>
            <Tooltip
              title={
                indicator.targetAdjustment
                  ? t('indicator.targetAdjustmentTip', {
                      reason: indicator.targetAdjustment.reason,
                      at: indicator.targetAdjustment.approvedAt,
                    })
                  : undefined
              }
            >
              <span className="wrap-text">
                {t('indicator.adjustedTargetShort', {
                  value: valueText(indicator.adjustedTarget, indicator.unit, indicator.adjustedTargetText),
                })}
              </span>
            </Tooltip>
          </Space>
        );
      }),
    },
    {
      title: t('indicator.actual'),
      key: 'actual',
      width: 130,
      // A bound indicator's actual is the ledger's, not what was once typed (its figure may differ from what was typed before binding).
      render: forIndicator((indicator) =>
        indicator.computedActual !== null ? (
          <Tooltip title={indicator.actualSource}>
            <Space size={4} wrap data-testid={`indicator-ledger-${indicator.code}`}>
              <span className="numeric">{`${indicator.computedActual}${indicator.unit ?? ''}`}</span>
              <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
                {t('indicator.ledgerTag')}
              </Tag>
            </Space>
          </Tooltip>
        ) : (
          <span className="wrap-text">{valueText(indicator.actual, indicator.unit, indicator.actualText)}</span>
        ),
      ),
    },
    {
      title: t('indicator.weight'),
      key: 'weight',
      width: 70,
      align: 'right',
      render: (_value, row) => {
        if (row.kind !== 'indicator') return <span className="numeric">{row.weight}</span>;
        const explicit = row.indicator.weight;
        if (explicit !== null) return <span className="numeric">{explicit}</span>;
        const shared = scored.get(row.indicator.code)?.weight;
        return shared ? (
          <Tooltip title={t('indicator.sharedWeight')}>
            <Typography.Text type="secondary" className="numeric">
              {shared}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('indicator.score'),
      key: 'score',
      width: 70,
      align: 'right',
      render: forIndicator((indicator) => {
        const item = scored.get(indicator.code);
        if (!item?.final) return '—';
        return item.adjustment ? (
          <Tooltip title={t('score.adjustedFrom', { computed: item.computed ?? '—' })}>
            <Typography.Text strong className="numeric" type="warning">
              {item.final}
            </Typography.Text>
          </Tooltip>
        ) : (
          <span className="numeric">{item.final}</span>
        );
      }),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 90,
      render: forIndicator((indicator) => {
        const item = scored.get(indicator.code);
        return item ? <ItemStatusTag status={item.status} /> : null;
      }),
    },
    {
      title: t('indicator.deviationReason'),
      key: 'deviation',
      width: 170,
      ellipsis: true,
      render: forIndicator((indicator) => indicator.deviationReason ?? ''),
    },
    {
      title: t('indicator.evidence'),
      key: 'evidence',
      width: 60,
      align: 'center',
      render: forIndicator((indicator) =>
        indicator.attachmentCount > 0 ? (
          <Space size={2}>
            <PaperClipOutlined />
            {indicator.attachmentCount}
          </Space>
        ) : (
          ''
        ),
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: isPhone ? undefined : 'right',
      render: forIndicator((indicator) => (
        // The row itself opens the editor; the buttons must not open it a second time.
        <Space onClick={(event) => event.stopPropagation()}>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => onOpen(indicator)}
            aria-label={canEdit ? t('common.edit') : t('common.view')}
            data-testid={`indicator-edit-${indicator.code}`}
          />
          {canEdit && (
            <Popconfirm title={t('indicator.deleteConfirm', { name: indicator.name })} onConfirm={() => onDelete(indicator)}>
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      )),
    },
  ];

  return (
    <Table<IndicatorTreeRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      // The columns add up to 1 160 px: the table fits the content area at 1440 px and scrolls only below it.
      scroll={{ x: 1160 }}
      components={{ body: { row: IndicatorRow } }}
      rowClassName={(row) => (row.kind === 'indicator' ? '' : 'indicator-group-row')}
      onRow={(row) => (row.kind === 'indicator' ? { onClick: () => onOpen(row.indicator), style: { cursor: 'pointer' } } : {})}
      expandable={{
        expandedRowKeys: expanded,
        onExpand: (open, row) =>
          setCollapsed((current) => {
            const next = new Set(current);
            if (open) next.delete(row.key);
            else next.add(row.key);
            return next;
          }),
      }}
    />
  );
}
