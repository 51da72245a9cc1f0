import type { ManagementEntry, MetricTermKey } from '@jixiao/contract';
import { Button, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useBudgetLines, useLedgerOverview } from '../../../api/control-queries.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { DrillDownDrawer } from '../../control/ledger/DrillDownDrawer.tsx';

interface Props {
  readonly entry: ManagementEntry;
  readonly organisationId: string;
  readonly fiscalYear: number;
}

/**
 * Where a ledger-bound 管理效率 item's figures came from: the formula the ledger computed, and the
 * records behind its numerator and denominator (the same drill-down as on 预算执行).
 */
export function ManagementLedgerSource({ entry, organisationId, fiscalYear }: Props) {
  const { t } = useI18n();
  const [term, setTerm] = useState<MetricTermKey | null>(null);
  const binding = entry.binding;
  const lineIds = binding?.budgetLineIds ?? [];
  const query = binding && term ? { organisationId, fiscalYear, budgetLineId: lineIds[0] } : null;
  const overview = useLedgerOverview(query);
  const lines = useBudgetLines(query ? { organisationId, fiscalYear } : null);
  const metric = overview.data?.metrics.find((entry) => entry.metric === binding?.metric) ?? null;
  if (!binding) return null;
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        style={{ marginBottom: 16 }}
        data-testid="management-computed"
        items={[
          {
            key: 'metric',
            label: t('indicator.ledgerMetric'),
            children: (
              <Space size={4}>
                {t(`ledgerMetric.${binding.metric}`)}
                <Tag color="geekblue">{t('indicator.ledgerTag')}</Tag>
              </Space>
            ),
          },
          {
            key: 'source',
            label: t('indicator.actualSource'),
            children: <span className="wrap-text">{entry.amountSource ?? '—'}</span>,
          },
          // Several lines are not one drill-down scope of the ledger page; one line or none is.
          lineIds.length <= 1 && {
            key: 'drill',
            label: t('management.drill'),
            children: (
              <Space wrap>
                <Button size="small" onClick={() => setTerm('numerator')} data-testid="management-drill-numerator">
                  {t('drill.numerator')}
                </Button>
                <Button size="small" onClick={() => setTerm('denominator')} data-testid="management-drill-denominator">
                  {t('drill.denominator')}
                </Button>
              </Space>
            ),
          },
        ].filter((item) => item !== false)}
      />
      <DrillDownDrawer
        drill={metric && term ? { metric, term } : null}
        query={query}
        lines={lines.data?.items ?? []}
        onTerm={setTerm}
        onClose={() => setTerm(null)}
      />
    </>
  );
}
