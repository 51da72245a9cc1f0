import { PlusOutlined } from '@ant-design/icons';
import type { AcceptanceState, ContractSummary } from '@jixiao/contract';
import { Button, Card, Flex, Progress, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUnitPermissions } from '../../../api/access-queries.ts';
import { useContracts, useProcurements } from '../../../api/control-queries.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { ListSearch, useListQuery } from '../../../components/ListSearch.tsx';
import { Money, moneyColumn } from '../../../components/Money.tsx';
import { type TableRowProps, TestIdRow } from '../../../components/test-id-row.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { moneyRatioPercent } from '../../../lib/money.ts';
import { ScopeBar } from '../scope/ScopeBar.tsx';
import { useControlScope } from '../scope/use-control-scope.ts';
import { ControlStatusTag } from '../shared/ControlStatusTag.tsx';
import { useScopeLines } from '../shared/use-scope-lines.ts';
import { ContractDrawer } from './ContractDrawer.tsx';
import { CreateContractModal } from './CreateContractModal.tsx';

const ContractRow = (props: TableRowProps) => <TestIdRow prefix="contract-row-" {...props} />;

/** 合同: signed contracts with their milestones, acceptance and what has been paid against them. */
export default function ContractsPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const scope = useControlScope();
  const [search, setSearch] = useSearchParams();
  const procurementId = search.get('procurement') ?? undefined;
  // ?contract=<id> opens a contract's drawer, so a search hit or a link lands on it.
  const openId = search.get('contract');
  const [q, setQuery] = useListQuery();
  const setOpenId = (id: string | null) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('contract', id);
      else next.delete('contract');
      return next;
    });
  const [creating, setCreating] = useState(false);
  const { organisationId, fiscalYear } = scope;
  const filter = organisationId && fiscalYear ? { organisationId: scope.listOrganisationId, fiscalYear, procurementId, q } : null;
  const list = useContracts(filter);
  const lines = useScopeLines(scope);
  const awarded = useProcurements(
    creating && organisationId && fiscalYear ? { organisationId: scope.listOrganisationId, fiscalYear, status: 'awarded' } : null,
  );
  const may = useUnitPermissions(organisationId);

  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.controlContracts')}
        </Typography.Title>
        {may.signContract && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contract-create">
            {t('contract.create')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <ScopeBar scope={scope}>
          {procurementId && (
            <Button
              size="small"
              onClick={() =>
                setSearch(
                  (current) => {
                    const next = new URLSearchParams(current);
                    next.delete('procurement');
                    return next;
                  },
                  { replace: true },
                )
              }
            >
              {t('contract.clearProcurement')}
            </Button>
          )}
          <ListSearch value={q} onSearch={setQuery} placeholder={t('list.searchContracts')} testId="contract-search" />
        </ScopeBar>
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={list.refetch} />
        ) : (
          <Table<ContractSummary>
            size="small"
            rowKey="id"
            loading={list.isFetching || scope.loading}
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={{ x: 1160 }}
            components={{ body: { row: ContractRow } }}
            onRow={(item) => ({ onClick: () => setOpenId(item.id), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('contract.titleField'),
                key: 'title',
                width: 280,
                fixed: isPhone ? undefined : 'left',
                render: (_value, item) => (
                  <>
                    <Typography.Link>{item.title}</Typography.Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {item.code} · {item.signedByName}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              { title: t('contract.counterparty'), dataIndex: 'counterpartyName', width: 180, ellipsis: true },
              moneyColumn(t('contract.amount'), 'amount', 130),
              {
                title: t('contract.acceptedAmount'),
                key: 'accepted',
                width: 170,
                render: (_value, item) => (
                  <>
                    <Money value={item.accepted} />
                    <Progress percent={Number(moneyRatioPercent(item.accepted, item.amount, 0) ?? 0)} size="small" showInfo={false} />
                  </>
                ),
              },
              moneyColumn(t('line.paid'), 'paid', 130),
              moneyColumn(t('line.committed'), 'committed', 120),
              {
                title: t('contract.acceptance'),
                dataIndex: 'acceptance',
                width: 130,
                render: (value: AcceptanceState, item) => (
                  <ControlStatusTag status={value} label={`${t(`acceptance.${value}`)} ${item.acceptedCount}/${item.milestoneCount}`} />
                ),
              },
            ]}
          />
        )}
      </Card>
      {organisationId && (
        <CreateContractModal
          open={creating}
          organisationId={organisationId}
          lines={lines.data?.items ?? []}
          procurements={awarded.data?.items ?? []}
          initialProcurementId={procurementId}
          onClose={() => setCreating(false)}
        />
      )}
      <ContractDrawer contractId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
