import { PlusOutlined } from '@ant-design/icons';
import { PAYMENT_STATUSES, type Payment, type PaymentStatus } from '@jixiao/contract';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUnitPermissions } from '../../../api/access-queries.ts';
import { useBudgetLines, usePayments } from '../../../api/control-queries.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { ListSearch } from '../../../components/ListSearch.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { isOneOf } from '../../../lib/one-of.ts';
import { ScopeBar, useFilterWidth } from '../scope/ScopeBar.tsx';
import { useControlScope } from '../scope/use-control-scope.ts';
import { PaymentCreateDrawer } from './PaymentCreateDrawer.tsx';
import { PaymentDrawer } from './PaymentDrawer.tsx';
import { PaymentTable } from './PaymentTable.tsx';

const PAGE_SIZE = 20;

/**
 * 支付申请: the unit's requests for a year, by status and budget line; the 经办人 creates one, and
 * each post takes its step in the request's drawer (?payment=<id>, so a link opens it).
 */
export default function PaymentsPage() {
  const { t } = useI18n();
  const scope = useControlScope();
  const width = useFilterWidth();
  const [search, setSearch] = useSearchParams();
  const statusParam = search.get('status');
  const status: PaymentStatus | undefined = isOneOf(PAYMENT_STATUSES, statusParam) ? statusParam : undefined;
  const lineFilter = search.get('line') ?? undefined;
  const q = search.get('q') ?? undefined;
  const openId = search.get('payment');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { organisationId, fiscalYear } = scope;

  const filter =
    organisationId && fiscalYear
      ? {
          organisationId: scope.listOrganisationId,
          fiscalYear,
          status,
          budgetLineId: lineFilter,
          q,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        }
      : null;
  const list = usePayments(filter);
  const linesQuery = organisationId && fiscalYear ? { organisationId: scope.listOrganisationId, fiscalYear } : null;
  const lines = useBudgetLines(linesQuery);
  const lineItems = lines.data?.items ?? [];
  const may = useUnitPermissions(organisationId);

  const setParam = (name: string, value: string | undefined) => {
    setPage(1);
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name !== 'payment' },
    );
  };
  const fiscalYearOf = (payment: Payment) =>
    lineItems.find((line) => line.id === payment.budgetLineId)?.fiscalYear ?? fiscalYear ?? new Date().getFullYear();

  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.controlPayments')}
        </Typography.Title>
        {may.requestPayment && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              void lines.refetch();
              setCreating(true);
            }}
            data-testid="payment-create"
          >
            {t('payment.create')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <ScopeBar scope={scope}>
          <Select<PaymentStatus>
            allowClear
            placeholder={t('common.status')}
            style={{ width: width(140) }}
            value={status}
            onChange={(value) => setParam('status', value)}
            options={PAYMENT_STATUSES.map((value) => ({ value, label: t(`paymentStatus.${value}`) }))}
            data-testid="payment-status-filter"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('ledger.allLines')}
            style={{ width: width(280) }}
            value={lineFilter}
            onChange={(value) => setParam('line', value)}
            options={lineItems.map((line) => ({ value: line.id, label: `${line.code} ${line.name}` }))}
            data-testid="payment-line-filter"
          />
          <ListSearch
            value={q}
            onSearch={(typed) => setParam('q', typed)}
            placeholder={t('list.searchPayments')}
            testId="payment-search"
            width={width(240)}
          />
        </ScopeBar>
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={list.refetch} />
        ) : (
          <PaymentTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={page}
            pageSize={PAGE_SIZE}
            loading={list.isFetching || scope.loading}
            onPage={setPage}
            onOpen={(payment) => setParam('payment', payment.id)}
          />
        )}
      </Card>
      {organisationId && fiscalYear && (
        <PaymentCreateDrawer
          open={creating}
          organisationId={organisationId}
          fiscalYear={fiscalYear}
          lines={lineItems}
          initialLineId={lineFilter}
          onClose={() => setCreating(false)}
          onCreated={(id) => setParam('payment', id)}
        />
      )}
      <PaymentDrawer paymentId={openId} fiscalYearOf={fiscalYearOf} onClose={() => setParam('payment', undefined)} />
    </div>
  );
}
