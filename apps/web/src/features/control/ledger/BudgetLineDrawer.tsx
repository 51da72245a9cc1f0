import { Descriptions, Divider, Drawer, Grid, Skeleton, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useUsers } from '../../../api/admin-queries.ts';
import { useBudgetLine } from '../../../api/control-queries.ts';
import { useSession } from '../../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { Money } from '../../../components/Money.tsx';
import { SpendingTypeTag } from '../../../components/SpendingTypeTag.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { executionRatePercent } from '../../../lib/money.ts';
import { AppliedResultNote } from '../../results/AppliedResultNote.tsx';
import { Adjustments } from './Adjustments.tsx';
import { PlanEditor } from './PlanEditor.tsx';

interface Props {
  readonly lineId: string | null;
  readonly onClose: () => void;
}

/** One 预算指标: its position, the 12-month 用款计划, and 预算调整 with their approval. */
export function BudgetLineDrawer({ lineId, onClose }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { session } = useSession();
  const detail = useBudgetLine(lineId);
  // The adjustment history names people by id; the visible users give their names (best effort).
  const users = useUsers(lineId !== null);
  const names = useMemo(() => new Map((users.data?.items ?? []).map((user) => [user.id, user.displayName])), [users.data]);
  const line = detail.data;

  return (
    <Drawer
      open={lineId !== null}
      onClose={onClose}
      size={screens.md ? 820 : '100%'}
      title={
        line ? (
          <Space wrap>
            <span>{line.name}</span>
            <Typography.Text type="secondary">{line.code}</Typography.Text>
            <SpendingTypeTag type={line.spendingType} />
          </Space>
        ) : (
          t('ledger.lines')
        )
      }
      data-testid="budget-line-drawer"
    >
      {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.refetch} />}
      {!line && !detail.error && <Skeleton active />}
      {line && (
        <>
          <AppliedResultNote result={line.appliedResult} />
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, md: 3 }}
            items={[
              { key: 'org', label: t('line.organisation'), children: line.organisationName },
              { key: 'source', label: t('line.fundingSource'), children: line.fundingSource },
              { key: 'project', label: t('line.project'), children: line.projectName ?? '—' },
              { key: 'initial', label: t('line.initial'), children: <Money value={line.initial} /> },
              { key: 'carry', label: t('line.carryOver'), children: <Money value={line.carryOver} /> },
              { key: 'adjust', label: t('line.adjustments'), children: <Money value={line.adjustments} /> },
              { key: 'budget', label: t('line.budget'), children: <Money value={line.budget} /> },
              { key: 'planned', label: t('line.planned'), children: <Money value={line.planned} /> },
              { key: 'committed', label: t('line.committed'), children: <Money value={line.committed} /> },
              { key: 'paid', label: t('line.paid'), children: <Money value={line.paid} /> },
              {
                key: 'available',
                label: t('line.available'),
                children: (
                  <Typography.Text strong data-testid="line-available">
                    <Money value={line.available} />
                  </Typography.Text>
                ),
              },
              { key: 'rate', label: t('line.rate'), children: executionRatePercent(line.paid, line.budget) ?? '—' },
            ]}
          />
          <Link to={`/control/payments?line=${line.id}`}>{t('line.payments')}</Link>
          <Divider titlePlacement="start">{t('plan.title')}</Divider>
          <PlanEditor line={line} canEdit={line.permissions.plan} />
          <Divider titlePlacement="start">{t('adjustment.title')}</Divider>
          <Adjustments
            line={line}
            canRequest={line.permissions.requestAdjustment}
            canDecide={line.permissions.decideAdjustment}
            userId={session?.user.id}
            names={names}
          />
        </>
      )}
    </Drawer>
  );
}
