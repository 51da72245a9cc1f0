import { PlusOutlined } from '@ant-design/icons';
import type { Asset, AssetStatus, Stocktake } from '@jixiao/contract';
import { Button, Card, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUnitPermissions } from '../../../api/access-queries.ts';
import { useAssets, useStocktakes } from '../../../api/control-queries.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { ListSearch, useListQuery } from '../../../components/ListSearch.tsx';
import { Money, moneyColumn } from '../../../components/Money.tsx';
import { type TableRowProps, TestIdRow } from '../../../components/test-id-row.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { sumMoney } from '../../../lib/money.ts';
import { ScopeBar } from '../scope/ScopeBar.tsx';
import { useControlScope } from '../scope/use-control-scope.ts';
import { ControlStatusTag } from '../shared/ControlStatusTag.tsx';
import { AssetDrawer } from './AssetDrawer.tsx';
import { CreateStocktakeDrawer, StocktakeDrawer } from './StocktakeDrawers.tsx';

const AssetRow = (props: TableRowProps) => <TestIdRow prefix="asset-row-" {...props} />;
const StocktakeRow = (props: TableRowProps) => <TestIdRow prefix="stocktake-row-" {...props} />;

/** 资产: the asset cards with custody and location, and the stocktakes with their differences (财产保护控制). */
export default function AssetsPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const scope = useControlScope();
  const [search, setSearch] = useSearchParams();
  const contractId = search.get('contract') ?? undefined;
  const tab = search.get('tab') === 'stocktakes' ? 'stocktakes' : 'cards';
  const [openAsset, setOpenAsset] = useState<string | null>(null);
  const [openStocktake, setOpenStocktake] = useState<string | null>(null);
  const [counting, setCounting] = useState(false);
  const [q, setQ] = useListQuery();
  const { organisationId } = scope;
  const assets = useAssets(organisationId ? { organisationId: scope.listOrganisationId, contractId, q } : null);
  const stocktakes = useStocktakes(scope.listOrganisationId, organisationId !== undefined);
  const may = useUnitPermissions(organisationId);
  const items = assets.data?.items ?? [];
  const setParam = (name: string, value: string | undefined) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const cards = assets.error ? (
    <ApiErrorAlert error={assets.error} onRetry={assets.refetch} />
  ) : (
    <>
      {contractId && (
        <Button size="small" style={{ marginBottom: 8 }} onClick={() => setParam('contract', undefined)}>
          {t('asset.allAssets')}
        </Button>
      )}
      <Table<Asset>
        size="small"
        rowKey="id"
        loading={assets.isFetching || scope.loading}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 1000 }}
        components={{ body: { row: AssetRow } }}
        onRow={(asset) => ({ onClick: () => setOpenAsset(asset.id), style: { cursor: 'pointer' } })}
        summary={() =>
          items.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('asset.total', { count: items.length })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Money value={sumMoney(items.filter((asset) => asset.status !== 'disposed').map((asset) => asset.value))} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={4} />
            </Table.Summary.Row>
          ) : null
        }
        columns={[
          {
            title: t('asset.name'),
            key: 'name',
            width: 240,
            fixed: isPhone ? undefined : 'left',
            render: (_value, asset) => (
              <>
                <Typography.Link>{asset.name}</Typography.Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {asset.code} · {asset.category}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          { title: t('contract.code'), dataIndex: 'contractCode', width: 110, render: (value: string | null) => value ?? '—' },
          moneyColumn(t('asset.value'), 'value', 130),
          { title: t('contract.custodian'), dataIndex: 'custodianName', width: 140 },
          { title: t('asset.location'), dataIndex: 'location', width: 160 },
          { title: t('asset.acquiredOn'), dataIndex: 'acquiredOn', width: 110, render: formatDate },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 110,
            render: (status: AssetStatus) => <ControlStatusTag status={status} label={t(`assetStatus.${status}`)} />,
          },
        ]}
      />
    </>
  );

  const counts = stocktakes.error ? (
    <ApiErrorAlert error={stocktakes.error} onRetry={stocktakes.refetch} />
  ) : (
    <>
      {may.stocktake && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 8 }}
          onClick={() => setCounting(true)}
          data-testid="stocktake-create"
        >
          {t('stocktake.create')}
        </Button>
      )}
      <Table<Stocktake>
        size="small"
        rowKey="id"
        loading={stocktakes.isFetching}
        dataSource={stocktakes.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        components={{ body: { row: StocktakeRow } }}
        onRow={(stocktake) => ({ onClick: () => setOpenStocktake(stocktake.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('stocktake.takenOn'),
            dataIndex: 'takenOn',
            width: 110,
            render: (value: string) => <Typography.Link>{formatDate(value)}</Typography.Link>,
          },
          { title: t('line.organisation'), dataIndex: 'organisationName', width: 220 },
          { title: t('stocktake.performedBy'), dataIndex: 'performedByName', width: 130 },
          { title: t('stocktake.lines'), dataIndex: 'lineCount', width: 80, align: 'right' },
          {
            title: t('stocktake.differences'),
            dataIndex: 'differenceCount',
            width: 90,
            render: (count: number) => <Tag color={count > 0 ? 'error' : 'success'}>{count}</Tag>,
          },
          { title: t('stocktake.note'), dataIndex: 'note', render: (value: string | null) => value ?? '' },
        ]}
      />
    </>
  );

  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.controlAssets')}
        </Typography.Title>
      </Flex>
      <Card size="small">
        <ScopeBar scope={scope} showYear={false}>
          <ListSearch value={q} onSearch={setQ} placeholder={t('list.searchAssets')} testId="asset-search" />
        </ScopeBar>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParam('tab', key === 'stocktakes' ? 'stocktakes' : undefined)}
          items={[
            { key: 'cards', label: t('asset.cards'), children: cards },
            { key: 'stocktakes', label: t('asset.stocktakes'), children: counts },
          ]}
        />
      </Card>
      <AssetDrawer assetId={openAsset} onClose={() => setOpenAsset(null)} />
      <StocktakeDrawer stocktakeId={openStocktake} onClose={() => setOpenStocktake(null)} />
      {organisationId && (
        <CreateStocktakeDrawer open={counting} organisationId={organisationId} assets={items} onClose={() => setCounting(false)} />
      )}
    </div>
  );
}
