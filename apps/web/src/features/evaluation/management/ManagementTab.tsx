import { EditOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ManagementEntry, ScoredItem } from '../../../api/types.ts';
import { Money } from '../../../components/Money.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { ItemStatusTag } from '../indicators/item-status.tsx';
import type { TabProps } from '../tab-props.ts';
import { ManagementDrawer } from './ManagementDrawer.tsx';

/** 管理效率 (department-wide evaluations): the catalogue's items with what was filled in and how each scores. */
export function ManagementTab({ evaluation, score }: TabProps) {
  const { t } = useI18n();
  const [editingCode, setEditingCode] = useState<string | null>(null);
  const scored = useMemo(() => {
    const items = new Map<string, ScoredItem>();
    for (const item of score.data?.items ?? []) if (item.kind === 'management') items.set(item.id, item);
    return items;
  }, [score.data]);
  const editing = evaluation.management.find((entry) => entry.code === editingCode) ?? null;

  return (
    <>
      <Table<ManagementEntry>
        rowKey="code"
        size="small"
        dataSource={evaluation.management}
        pagination={false}
        scroll={{ x: 1100 }}
        onRow={(entry) => ({ onClick: () => setEditingCode(entry.code), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('management.area'), dataIndex: 'area', width: 110 },
          {
            title: t('management.item'),
            key: 'name',
            width: 220,
            render: (_value, entry) => (
              <span>
                {entry.name} <Typography.Text type="secondary">{entry.code}</Typography.Text>
                {entry.notApplicable && <Tag style={{ marginInlineStart: 6 }}>{t('itemStatus.not-applicable')}</Tag>}
                {entry.own && <Tag style={{ marginInlineStart: 6 }}>{t('management.own')}</Tag>}
              </span>
            ),
          },
          {
            title: t('management.inputs'),
            key: 'inputs',
            width: 300,
            render: (_value, entry) =>
              entry.kind === 'qualitative' ? (
                entry.band ? (
                  t(`band.${entry.band}`)
                ) : (
                  '—'
                )
              ) : (
                <div>
                  {Object.entries(entry.inputs).map(([key, label]) => (
                    <div key={key}>
                      <Typography.Text type="secondary">{label}：</Typography.Text>
                      <Money value={entry.amounts[key]} />
                    </div>
                  ))}
                  {entry.rate !== null && (
                    <div>
                      <Typography.Text type="secondary">{t('management.rate')}：</Typography.Text>
                      {entry.rate}
                      {entry.unit ?? '%'}
                    </div>
                  )}
                </div>
              ),
          },
          {
            title: t('management.target'),
            key: 'target',
            width: 90,
            render: (_value, entry) => entry.target ?? <Typography.Text type="secondary">{entry.defaultTarget ?? '—'}</Typography.Text>,
          },
          {
            title: t('indicator.weight'),
            key: 'weight',
            width: 70,
            align: 'right',
            render: (_value, entry) => entry.weight ?? entry.defaultWeight,
          },
          {
            title: t('indicator.actual'),
            key: 'actual',
            width: 120,
            // A bound item's figure is the ledger's: say so, and how it was computed.
            render: (_value, entry) => {
              const actual = scored.get(entry.code)?.actual ?? '—';
              if (!entry.binding) return actual;
              return (
                <Tooltip title={entry.amountSource}>
                  <Space size={4} wrap data-testid={`management-ledger-${entry.code}`}>
                    <span className="numeric">{actual}</span>
                    <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
                      {t('indicator.ledgerTag')}
                    </Tag>
                  </Space>
                </Tooltip>
              );
            },
          },
          {
            title: t('indicator.score'),
            key: 'score',
            width: 70,
            align: 'right',
            render: (_value, entry) => scored.get(entry.code)?.final ?? '—',
          },
          {
            title: t('management.declaredScore'),
            key: 'declared',
            width: 80,
            align: 'right',
            render: (_value, entry) => entry.declaredScore ?? '—',
          },
          {
            title: t('common.status'),
            key: 'status',
            width: 100,
            render: (_value, entry) => {
              const item = scored.get(entry.code);
              return item ? <ItemStatusTag status={item.status} /> : null;
            },
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 70,
            render: (_value, entry) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={evaluation.permissions.edit ? t('common.edit') : t('common.view')}
                onClick={(event) => {
                  event.stopPropagation();
                  setEditingCode(entry.code);
                }}
              />
            ),
          },
        ]}
      />
      <ManagementDrawer
        evaluationId={evaluation.id}
        entry={editing}
        organisationId={evaluation.organisationId}
        fiscalYear={evaluation.fiscalYear}
        canEdit={evaluation.permissions.edit}
        onClose={() => setEditingCode(null)}
      />
    </>
  );
}
