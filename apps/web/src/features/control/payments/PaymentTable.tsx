import type { Payment } from '@jixiao/contract';
import { Space, Table, type TableColumnsType, Typography } from 'antd';
import { Money, moneyColumn } from '../../../components/Money.tsx';
import { type TableRowProps, TestIdRow } from '../../../components/test-id-row.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { PaymentStatusTag } from './PaymentStatusTag.tsx';

const PaymentRow = (props: TableRowProps) => <TestIdRow prefix="payment-row-" {...props} />;

interface Props {
  readonly items: readonly Payment[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly loading: boolean;
  readonly onPage: (page: number) => void;
  readonly onOpen: (payment: Payment) => void;
}

/** 支付申请, newest first, with who acts next; a click opens the request and its steps. */
export function PaymentTable({ items, total, page, pageSize, loading, onPage, onOpen }: Props) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const wideColumns: TableColumnsType<Payment> = [
    {
      title: t('payment.payee'),
      key: 'payee',
      width: 240,
      fixed: isPhone ? undefined : 'left',
      render: (_value, payment) => (
        <>
          <Typography.Link>{payment.payeeName}</Typography.Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(payment.requestedAt)} · {payment.requestedBy}
            </Typography.Text>
          </div>
        </>
      ),
    },
    moneyColumn(t('payment.amount'), 'amount', 140),
    {
      title: t('line.name'),
      key: 'line',
      width: 200,
      render: (_value, payment) => (
        <>
          {payment.budgetLineName}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {payment.budgetLineCode}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('payment.purpose'), dataIndex: 'purpose', ellipsis: true },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: Payment['status']) => <PaymentStatusTag status={status} />,
    },
    {
      title: t('payment.next'),
      key: 'next',
      width: 130,
      render: (_value, payment) => (payment.waitingFor.length ? payment.waitingFor.map((post) => t(`role.${post}`)).join(' / ') : '—'),
    },
  ];
  // A phone shows who is paid and what, with the amount and where the request stands beside it.
  const phoneColumns: TableColumnsType<Payment> = [
    {
      title: t('payment.payee'),
      key: 'payee',
      render: (_value, payment) => (
        <>
          <Typography.Link>{payment.payeeName}</Typography.Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {payment.budgetLineName} · {formatDate(payment.requestedAt)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('payment.amount'),
      key: 'amount',
      align: 'right',
      render: (_value, payment) => (
        <Space orientation="vertical" size={2} style={{ alignItems: 'flex-end' }}>
          <Money value={payment.amount} />
          <PaymentStatusTag status={payment.status} />
        </Space>
      ),
    },
  ];
  return (
    <Table<Payment>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={[...items]}
      scroll={isPhone ? undefined : { x: 1060 }}
      components={{ body: { row: PaymentRow } }}
      onRow={(payment) => ({ onClick: () => onOpen(payment), style: { cursor: 'pointer' } })}
      pagination={{
        current: page,
        pageSize,
        total,
        onChange: onPage,
        showSizeChanger: false,
        size: 'small',
        showTotal: (count) => t('payment.count', { count }),
      }}
      columns={isPhone ? phoneColumns : wideColumns}
    />
  );
}
