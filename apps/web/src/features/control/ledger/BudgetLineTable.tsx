import type { BudgetLine } from '@jixiao/contract';
import { Space, Table, type TableColumnsType, Typography } from 'antd';
import { Money } from '../../../components/Money.tsx';
import { SpendingTypeTag } from '../../../components/SpendingTypeTag.tsx';
import { type TableRowProps, TestIdRow } from '../../../components/test-id-row.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { executionRatePercent, sumMoney } from '../../../lib/money.ts';

const LineRow = (props: TableRowProps) => <TestIdRow prefix="budget-line-row-" {...props} />;

const money = (value: string) => <Money value={value} />;

/** 预算指标 with their position: 预算, 计划, 占用, 已支付, 可用余额; a click opens the line. */
export function BudgetLineTable({
  lines,
  loading,
  selectedId,
  onOpen,
}: {
  lines: readonly BudgetLine[];
  loading: boolean;
  selectedId: string | undefined;
  onOpen: (line: BudgetLine) => void;
}) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const total = (pick: (line: BudgetLine) => string) => sumMoney(lines.map(pick));
  const nameColumn: TableColumnsType<BudgetLine>[number] = {
    title: t('line.name'),
    key: 'name',
    width: 260,
    fixed: isPhone ? undefined : 'left',
    render: (_value, line) => (
      <Space orientation="vertical" size={0}>
        <Typography.Link>{line.name}</Typography.Link>
        <Space size={4} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {line.code}
          </Typography.Text>
          <SpendingTypeTag type={line.spendingType} />
        </Space>
      </Space>
    ),
  };
  const wideColumns: TableColumnsType<BudgetLine> = [
    nameColumn,
    { title: t('line.fundingSource'), dataIndex: 'fundingSource', width: 120 },
    { title: t('line.budget'), dataIndex: 'budget', width: 140, align: 'right', render: money },
    { title: t('line.planned'), dataIndex: 'planned', width: 140, align: 'right', render: money },
    { title: t('line.committed'), dataIndex: 'committed', width: 130, align: 'right', render: money },
    { title: t('line.paid'), dataIndex: 'paid', width: 140, align: 'right', render: money },
    {
      title: t('line.available'),
      dataIndex: 'available',
      width: 140,
      align: 'right',
      render: (value: string) => (
        <Typography.Text strong>
          <Money value={value} />
        </Typography.Text>
      ),
    },
    {
      title: t('line.rate'),
      key: 'rate',
      width: 90,
      align: 'right',
      render: (_value, line) => <span className="numeric">{executionRatePercent(line.paid, line.budget) ?? '—'}</span>,
    },
  ];
  // A phone shows the line and, beside it, what matters most: what is left, then paid of budget.
  const phoneColumns: TableColumnsType<BudgetLine> = [
    { ...nameColumn, width: undefined },
    {
      title: t('line.available'),
      key: 'figures',
      align: 'right',
      render: (_value, line) => (
        <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <Typography.Text strong>
            <Money value={line.available} />
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('line.paidOfBudget', { rate: executionRatePercent(line.paid, line.budget) ?? '—' })}
          </Typography.Text>
        </Space>
      ),
    },
  ];
  return (
    <Table<BudgetLine>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={[...lines]}
      pagination={false}
      scroll={isPhone ? undefined : { x: 1160 }}
      components={{ body: { row: LineRow } }}
      rowClassName={(line) => (line.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(line) => ({ onClick: () => onOpen(line), style: { cursor: 'pointer' } })}
      columns={isPhone ? phoneColumns : wideColumns}
      summary={() =>
        lines.length > 1 && !isPhone ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>{t('line.total', { count: lines.length })}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Money value={total((line) => line.budget)} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Money value={total((line) => line.planned)} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <Money value={total((line) => line.committed)} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <Money value={total((line) => line.paid)} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              <Money value={total((line) => line.available)} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              <span className="numeric">
                {executionRatePercent(
                  total((line) => line.paid),
                  total((line) => line.budget),
                ) ?? '—'}
              </span>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
