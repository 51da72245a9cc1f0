import { PlusOutlined } from '@ant-design/icons';
import { RECTIFICATION_STATUS, type RectificationSummary } from '@jixiao/contract';
import { Button, Card, Empty, Flex, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type RectificationFilter, useRectifications } from '../../api/rectification-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ListSearch, useListQuery } from '../../components/ListSearch.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isOneOf } from '../../lib/one-of.ts';
import { type IssuePreset, IssueRectificationModal } from './IssueRectificationModal.tsx';
import type { RectificationStatus } from './labels.ts';
import { RectificationDrawer } from './RectificationDrawer.tsx';
import { RectificationDeadline, RectificationStatusTag } from './RectificationStatusTag.tsx';

/**
 * 整改: the notices in the user's scope, filtered by year, status, unit and overdue; the detail in a
 * drawer (`?open=`). `?evaluation=&organisation=` opens a new notice with that self-evaluation as its
 * source (the button on an evaluation's page).
 */
export default function RectificationsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const [filter, setFilter] = useState<RectificationFilter>({});
  const [q, setQ] = useListQuery();
  const list = useRectifications({ ...filter, q });
  const unfiltered = useRectifications({});
  const open = search.get('open');
  const evaluation = search.get('evaluation');
  const [issuing, setIssuing] = useState(evaluation !== null);
  const preset = useMemo<IssuePreset>(
    () =>
      evaluation ? { sourceKind: 'self-evaluation', sourceId: evaluation, organisationId: search.get('organisation') ?? undefined } : {},
    [evaluation, search],
  );
  const all = unfiltered.data?.items ?? [];
  const years = [...new Set(all.map((item) => item.fiscalYear))].sort((a, b) => b - a);
  const units = [...new Map(all.map((item) => [item.organisationId, item.organisationName])).entries()];
  const issueIn = list.data?.issueIn ?? [];
  const show = (id: string | null) => {
    const next = new URLSearchParams(search);
    next.delete('evaluation');
    next.delete('organisation');
    if (id) next.set('open', id);
    else next.delete('open');
    setSearch(next);
  };

  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('rectification.title')}
        </Typography.Title>
        {issueIn.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="rectification-issue">
            {t('rectification.issue')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('rectification.intro')}</Typography.Paragraph>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('rectification.fiscalYear')}
            style={{ width: 120 }}
            value={filter.fiscalYear}
            onChange={(fiscalYear: number | undefined) => setFilter({ ...filter, fiscalYear })}
            options={years.map((year) => ({ value: year, label: String(year) }))}
          />
          <Select
            allowClear
            placeholder={t('rectification.status')}
            style={{ width: 160 }}
            value={filter.status}
            onChange={(status: string | undefined) =>
              setFilter({ ...filter, status: status && isOneOf(RECTIFICATION_STATUS, status) ? status : undefined })
            }
            options={RECTIFICATION_STATUS.map((status) => ({ value: status, label: t(`rectification.statusOf.${status}`) }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('rectification.unit')}
            style={{ width: 260 }}
            value={filter.organisationId}
            onChange={(organisationId: string | undefined) => setFilter({ ...filter, organisationId })}
            options={units.map(([value, label]) => ({ value, label }))}
          />
          <Select
            allowClear
            placeholder={t('rectification.overdue')}
            style={{ width: 120 }}
            value={filter.overdue}
            onChange={(overdue: 'true' | 'false' | undefined) => setFilter({ ...filter, overdue })}
            options={[
              { value: 'true', label: t('rectification.overdueYes') },
              { value: 'false', label: t('rectification.overdueNo') },
            ]}
          />
          <ListSearch value={q} onSearch={setQ} placeholder={t('list.searchRectifications')} testId="rectification-search" />
        </Flex>
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<RectificationSummary>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rectification.none')} /> }}
            onRow={(row) => ({ onClick: () => show(row.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('rectification.fiscalYear'), dataIndex: 'fiscalYear', width: 70 },
              { title: t('rectification.unit'), dataIndex: 'organisationName', width: 200 },
              {
                title: t('rectification.sourceTitle'),
                dataIndex: 'sourceTitle',
                render: (title: string, row) => (
                  <Flex vertical>
                    <Typography.Link>{title}</Typography.Link>
                    <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
                      {row.problem}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('rectification.source'),
                dataIndex: 'sourceKind',
                width: 150,
                render: (kind: RectificationSummary['sourceKind']) => t(`rectification.kind.${kind}`),
              },
              {
                title: t('rectification.status'),
                dataIndex: 'status',
                width: 130,
                render: (status: RectificationStatus) => <RectificationStatusTag status={status} />,
              },
              {
                title: t('rectification.deadline'),
                dataIndex: 'deadline',
                width: 170,
                render: (deadline: string, row) => <RectificationDeadline deadline={deadline} overdue={row.overdue} />,
              },
            ]}
          />
        )}
      </Card>
      <RectificationDrawer id={open} onClose={() => show(null)} />
      <IssueRectificationModal
        open={issuing}
        issueIn={issueIn}
        preset={preset}
        onClose={() => setIssuing(false)}
        onIssued={(id) => {
          setIssuing(false);
          show(id);
        }}
      />
    </div>
  );
}
