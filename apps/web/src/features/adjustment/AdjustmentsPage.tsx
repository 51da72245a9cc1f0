import { ADJUSTMENT_STATUS, type AdjustmentSummary } from '@jixiao/contract';
import { Card, Empty, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type AdjustmentFilter, useAdjustments } from '../../api/adjustment-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { isOneOf } from '../../lib/one-of.ts';
import { AdjustmentDrawer } from './AdjustmentDrawer.tsx';
import { AdjustmentStatusTag } from './AdjustmentStatusTag.tsx';

/** 目标调整: the requests in the user's scope, filtered by year, status and unit; the detail in a drawer (`?open=`). */
export default function AdjustmentsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const [filter, setFilter] = useState<AdjustmentFilter>({});
  const list = useAdjustments(filter);
  const unfiltered = useAdjustments({});
  const all = unfiltered.data?.items ?? [];
  const years = [...new Set(all.map((item) => item.fiscalYear))].sort((a, b) => b - a);
  const units = [...new Map(all.map((item) => [item.organisationId, item.organisationName])).entries()];
  const open = search.get('open');
  const show = (id: string | null) => {
    const next = new URLSearchParams(search);
    if (id) next.set('open', id);
    else next.delete('open');
    setSearch(next);
  };

  return (
    <div className="page-stack">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('targetAdjustment.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('targetAdjustment.intro')}</Typography.Paragraph>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('targetAdjustment.fiscalYear')}
            style={{ width: 120 }}
            value={filter.fiscalYear}
            onChange={(fiscalYear: number | undefined) => setFilter({ ...filter, fiscalYear })}
            options={years.map((year) => ({ value: year, label: String(year) }))}
          />
          <Select
            allowClear
            placeholder={t('targetAdjustment.status')}
            style={{ width: 160 }}
            value={filter.status}
            onChange={(status: string | undefined) =>
              setFilter({ ...filter, status: status && isOneOf(ADJUSTMENT_STATUS, status) ? status : undefined })
            }
            options={ADJUSTMENT_STATUS.map((status) => ({ value: status, label: t(`targetAdjustment.statusOf.${status}`) }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('targetAdjustment.unit')}
            style={{ width: 260 }}
            value={filter.organisationId}
            onChange={(organisationId: string | undefined) => setFilter({ ...filter, organisationId })}
            options={units.map(([value, label]) => ({ value, label }))}
          />
        </Flex>
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<AdjustmentSummary>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('targetAdjustment.none')} /> }}
            onRow={(row) => ({ onClick: () => show(row.id), style: { cursor: 'pointer' } })}
            data-testid="adjustment-list"
            columns={[
              { title: t('targetAdjustment.fiscalYear'), dataIndex: 'fiscalYear', width: 70 },
              { title: t('targetAdjustment.unit'), dataIndex: 'organisationName', width: 200 },
              {
                title: t('targetAdjustment.declaration'),
                dataIndex: 'declarationTitle',
                render: (title: string) => <Typography.Link>{title}</Typography.Link>,
              },
              { title: t('targetAdjustment.changeCount'), dataIndex: 'changeCount', width: 90 },
              {
                title: t('targetAdjustment.status'),
                dataIndex: 'status',
                width: 120,
                render: (status: AdjustmentSummary['status']) => <AdjustmentStatusTag status={status} />,
              },
              {
                title: t('targetAdjustment.version'),
                key: 'version',
                width: 110,
                render: (_: unknown, row) =>
                  row.resultVersion === null
                    ? t('targetAdjustment.versionOf', { number: row.baseVersion })
                    : t('targetAdjustment.versionOf', { number: row.resultVersion }),
              },
              { title: t('targetAdjustment.requester'), dataIndex: 'createdByName', width: 120 },
              { title: t('targetAdjustment.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (at: string) => formatDateTime(at) },
            ]}
          />
        )}
      </Card>
      <AdjustmentDrawer id={open} onClose={() => show(null)} />
    </div>
  );
}
