import type { BudgetLine, DrillDown, LedgerMetricView, LedgerQuery, MetricTermKey } from '@jixiao/contract';
import { Alert, Drawer, Grid, Segmented, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useLedgerDrill } from '../../../api/control-queries.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { Money, moneyColumn } from '../../../components/Money.tsx';
import { type TableRowProps, TestIdRow } from '../../../components/test-id-row.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { formatMoney } from '../../../lib/money.ts';

export interface Drill {
  readonly metric: LedgerMetricView;
  readonly term: MetricTermKey;
}

type DrillPayment = DrillDown['payments'][number];

const PaymentRow = (props: TableRowProps) => <TestIdRow prefix="drill-payment-" {...props} />;

/** Newest first: a payment just made is at the top. */
const byPaidOnDesc = (a: DrillPayment, b: DrillPayment) => (b.paidOn ?? b.dueOn ?? '').localeCompare(a.paidOn ?? a.dueOn ?? '');

/**
 * The records behind one side of a computed indicator: the payments, budget lines, adjustments and
 * procurements whose amounts the numerator or denominator adds up.
 */
export function DrillDownDrawer({
  drill,
  query,
  lines,
  onTerm,
  onClose,
}: {
  drill: Drill | null;
  query: LedgerQuery | null;
  lines: readonly BudgetLine[];
  onTerm: (term: MetricTermKey) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const request = drill && query ? { ...query, metric: drill.metric.metric, term: drill.term } : null;
  const records = useLedgerDrill(request);
  const lineName = new Map(lines.map((line) => [line.id, `${line.code} ${line.name}`]));
  const data = records.data;
  const sections = data
    ? [
        data.payments.length > 0 && (
          <Table<DrillPayment>
            key="payments"
            size="small"
            rowKey="id"
            title={() => <Typography.Text strong>{t('drill.payments', { count: data.payments.length })}</Typography.Text>}
            dataSource={[...data.payments].sort(byPaidOnDesc)}
            pagination={data.payments.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 640 }}
            components={{ body: { row: PaymentRow } }}
            columns={[
              { title: t('drill.paidOn'), dataIndex: 'paidOn', width: 110, render: formatDate },
              { title: t('drill.dueOn'), dataIndex: 'dueOn', width: 110, render: formatDate },
              { title: t('line.name'), dataIndex: 'budgetLineId', render: (id: string) => lineName.get(id) ?? '—' },
              moneyColumn(t('drill.amount'), 'amount', 150),
              {
                title: '',
                key: 'open',
                width: 70,
                render: (_value, payment) => <Link to={`/control/payments?payment=${payment.id}`}>{t('common.view')}</Link>,
              },
            ]}
          />
        ),
        data.budgetLines.length > 0 && (
          <Table<(typeof data.budgetLines)[number]>
            key="lines"
            size="small"
            rowKey="id"
            title={() => <Typography.Text strong>{t('drill.budgetLines', { count: data.budgetLines.length })}</Typography.Text>}
            dataSource={[...data.budgetLines]}
            pagination={false}
            scroll={{ x: 560 }}
            columns={[
              { title: t('line.code'), dataIndex: 'code', width: 140 },
              { title: t('line.name'), dataIndex: 'name' },
              moneyColumn(t('line.initial'), 'initial', 150),
              moneyColumn(t('line.budget'), 'budget', 150),
            ]}
          />
        ),
        data.adjustments.length > 0 && (
          <Table<(typeof data.adjustments)[number]>
            key="adjustments"
            size="small"
            rowKey="id"
            title={() => <Typography.Text strong>{t('drill.adjustments', { count: data.adjustments.length })}</Typography.Text>}
            dataSource={[...data.adjustments]}
            pagination={false}
            columns={[
              { title: t('line.name'), dataIndex: 'budgetLineId', render: (id: string) => lineName.get(id) ?? '—' },
              moneyColumn(t('drill.amount'), 'amount', 150),
            ]}
          />
        ),
        data.procurements.length > 0 && (
          <Table<(typeof data.procurements)[number]>
            key="procurements"
            size="small"
            rowKey="id"
            title={() => <Typography.Text strong>{t('drill.procurements', { count: data.procurements.length })}</Typography.Text>}
            dataSource={[...data.procurements]}
            pagination={false}
            columns={[
              moneyColumn(t('procurement.estimated'), 'estimated'),
              {
                title: t('procurement.result'),
                dataIndex: 'result',
                align: 'right',
                render: (value: string | null) => <Money value={value} />,
              },
              {
                title: '',
                key: 'open',
                width: 70,
                render: (_value, procurement) => <Link to={`/control/procurements?procurement=${procurement.id}`}>{t('common.view')}</Link>,
              },
            ]}
          />
        ),
      ].filter(Boolean)
    : [];

  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={screens.md ? 820 : '100%'}
      title={drill ? t(`ledgerMetric.${drill.metric.metric}`) : ''}
      data-testid="drill-drawer"
    >
      {drill && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Segmented<MetricTermKey>
            value={drill.term}
            onChange={onTerm}
            options={[
              { value: 'numerator', label: `${t('drill.numerator')}：${drill.metric.numerator.label}` },
              { value: 'denominator', label: `${t('drill.denominator')}：${drill.metric.denominator.label}` },
            ]}
            data-testid="drill-term"
          />
          <Typography.Paragraph className="wrap-text" style={{ margin: 0 }}>
            {drill.metric.formula}
          </Typography.Paragraph>
          {records.error && <ApiErrorAlert error={records.error} onRetry={records.refetch} />}
          {data && (
            <Alert
              type="info"
              title={t('drill.sum', { label: data.term.label, amount: formatMoney(data.term.amount) })}
              data-testid="drill-sum"
            />
          )}
          {records.isFetching && !data ? <Table loading columns={[]} /> : sections}
          {data && sections.length === 0 && <Typography.Text type="secondary">{t('drill.empty')}</Typography.Text>}
        </Space>
      )}
    </Drawer>
  );
}
