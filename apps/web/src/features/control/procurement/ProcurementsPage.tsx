import { PlusOutlined } from '@ant-design/icons';
import { PROCUREMENT_STATUSES, type Procurement, type ProcurementStatus } from '@jixiao/contract';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUnitPermissions } from '../../../api/access-queries.ts';
import { useProcurements } from '../../../api/control-queries.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { ListSearch, useListQuery } from '../../../components/ListSearch.tsx';
import { Money, moneyColumn } from '../../../components/Money.tsx';
import { type TableRowProps, TestIdRow } from '../../../components/test-id-row.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { isOneOf } from '../../../lib/one-of.ts';
import { ScopeBar, useFilterWidth } from '../scope/ScopeBar.tsx';
import { useControlScope } from '../scope/use-control-scope.ts';
import { ControlStatusTag } from '../shared/ControlStatusTag.tsx';
import { procurementMethodLabel } from '../shared/labels.ts';
import { useScopeLines } from '../shared/use-scope-lines.ts';
import { CreateProcurementModal } from './CreateProcurementModal.tsx';
import { ProcurementDrawer } from './ProcurementDrawer.tsx';

const ProcurementRow = (props: TableRowProps) => <TestIdRow prefix="procurement-row-" {...props} />;

/** 政府采购: needs with their method, approval, award and the contract that follows. */
export default function ProcurementsPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const scope = useControlScope();
  const width = useFilterWidth();
  const [search, setSearch] = useSearchParams();
  const statusParam = search.get('status');
  const status: ProcurementStatus | undefined = isOneOf(PROCUREMENT_STATUSES, statusParam) ? statusParam : undefined;
  // The open procurement is in the address (?procurement=<id>), so a contract or a drill-down can link to it.
  const openId = search.get('procurement');
  const [q, setQuery] = useListQuery();
  const setOpenId = (id: string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('procurement', id);
        else next.delete('procurement');
        return next;
      },
      { replace: id === null },
    );
  const [creating, setCreating] = useState(false);
  const { organisationId, fiscalYear } = scope;
  const filter = organisationId && fiscalYear ? { organisationId: scope.listOrganisationId, fiscalYear, status, q } : null;
  const list = useProcurements(filter);
  const lines = useScopeLines(scope);
  const may = useUnitPermissions(organisationId);
  const items = list.data?.items ?? [];
  const open = items.find((item) => item.id === openId) ?? null;

  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.controlProcurements')}
        </Typography.Title>
        {may.createProcurement && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="procurement-create">
            {t('procurement.create')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <ScopeBar scope={scope}>
          <Select<ProcurementStatus>
            allowClear
            placeholder={t('common.status')}
            style={{ width: width(150) }}
            value={status}
            onChange={(value) =>
              setSearch(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (value) next.set('status', value);
                  else next.delete('status');
                  return next;
                },
                { replace: true },
              )
            }
            options={PROCUREMENT_STATUSES.map((value) => ({ value, label: t(`procurementStatus.${value}`) }))}
          />
          <ListSearch
            value={q}
            onSearch={setQuery}
            placeholder={t('list.searchProcurements')}
            testId="procurement-search"
            width={width(240)}
          />
        </ScopeBar>
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={list.refetch} />
        ) : (
          <Table<Procurement>
            size="small"
            rowKey="id"
            loading={list.isFetching || scope.loading}
            dataSource={items}
            pagination={items.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 1100 }}
            components={{ body: { row: ProcurementRow } }}
            onRow={(item) => ({ onClick: () => setOpenId(item.id), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('procurement.titleField'),
                key: 'title',
                width: 280,
                fixed: isPhone ? undefined : 'left',
                render: (_value, item) => (
                  <>
                    <Typography.Link>{item.title}</Typography.Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {item.code} · {t(`procurementCategory.${item.category}`)}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              {
                title: t('procurement.method'),
                dataIndex: 'method',
                width: 120,
                render: (method: string) => procurementMethodLabel(t, method),
              },
              moneyColumn(t('procurement.estimated'), 'estimated', 140),
              {
                title: t('procurement.result'),
                dataIndex: 'result',
                width: 140,
                align: 'right',
                render: (value: string | null) => <Money value={value} />,
              },
              {
                title: t('procurement.supplier'),
                dataIndex: 'supplierName',
                width: 170,
                ellipsis: true,
                render: (value: string | null) => value ?? '—',
              },
              { title: t('line.name'), dataIndex: 'budgetLineName', width: 150, ellipsis: true },
              {
                title: t('common.status'),
                dataIndex: 'status',
                width: 120,
                render: (value: ProcurementStatus) => <ControlStatusTag status={value} label={t(`procurementStatus.${value}`)} />,
              },
            ]}
          />
        )}
      </Card>
      {organisationId && (
        <CreateProcurementModal
          open={creating}
          organisationId={organisationId}
          lines={lines.data?.items ?? []}
          onClose={() => setCreating(false)}
        />
      )}
      <ProcurementDrawer procurement={open} onClose={() => setOpenId(null)} />
    </div>
  );
}
