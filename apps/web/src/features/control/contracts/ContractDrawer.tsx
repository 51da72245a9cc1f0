import type { ContractClosure, ContractDetail, Milestone } from '@jixiao/contract';
import { PAYMENT_STATUSES } from '@jixiao/contract';
import { Alert, Button, Descriptions, Divider, Drawer, Grid, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useContract } from '../../../api/control-queries.ts';
import { useSession } from '../../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { Money, moneyColumn } from '../../../components/Money.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../i18n/translate.ts';
import { formatDate, formatDateTime } from '../../../lib/dates.ts';
import { formatMoney } from '../../../lib/money.ts';
import { isOneOf } from '../../../lib/one-of.ts';
import { ControlStatusTag } from '../shared/ControlStatusTag.tsx';
import { AcceptMilestoneModal } from './AcceptMilestoneModal.tsx';
import { type ClosureMode, ContractClosureModal } from './ContractClosureModal.tsx';

/** Why this user may not accept: the signer never may (合同签订 / 验收 分离); a closed contract takes no acceptance. */
function refusalKey(contract: ContractDetail, userId: string | undefined): MessageKey {
  if (contract.signedBy === userId) return 'contract.signerCannotAccept';
  if (contract.status === 'closed') return 'contract.closedCannotAccept';
  return 'contract.noPostCannotAccept';
}

/** A contract: its milestones with acceptance, what is paid and committed, and 验收 for those allowed. */
export function ContractDrawer({ contractId, onClose }: { contractId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { session } = useSession();
  const detail = useContract(contractId);
  const [accepting, setAccepting] = useState<Milestone | null>(null);
  const [closing, setClosing] = useState<ClosureMode | null>(null);
  const contract = detail.data;
  const open = contract?.milestones.some((milestone) => !milestone.acceptedAt) ?? false;
  const pending = contract?.closures.find((closure) => closure.status === 'requested');

  return (
    <Drawer
      open={contractId !== null}
      onClose={onClose}
      size={screens.md ? 860 : '100%'}
      title={
        contract ? (
          <Space wrap>
            <span>{contract.title}</span>
            <ControlStatusTag status={contract.acceptance} label={t(`acceptance.${contract.acceptance}`)} />
            {contract.closedKind && (
              <Tag color="default" data-testid="contract-closed-tag">
                {t(`contractClosed.${contract.closedKind}`)}
              </Tag>
            )}
          </Space>
        ) : (
          t('nav.controlContracts')
        )
      }
      data-testid="contract-drawer"
    >
      {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.refetch} />}
      {!contract && !detail.error && <Skeleton active />}
      {contract && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'code', label: t('contract.code'), children: contract.code },
              { key: 'line', label: t('line.name'), children: `${contract.budgetLineCode} ${contract.budgetLineName}` },
              { key: 'counterparty', label: t('contract.counterparty'), children: contract.counterpartyName },
              { key: 'uscc', label: t('contract.counterpartyUscc'), children: contract.counterpartyUscc },
              { key: 'amount', label: t('contract.amount'), children: <Money value={contract.amount} /> },
              { key: 'signed', label: t('contract.signedBy'), children: `${contract.signedByName} · ${formatDate(contract.signedOn)}` },
              { key: 'accepted', label: t('contract.acceptedAmount'), children: <Money value={contract.accepted} /> },
              { key: 'paid', label: t('line.paid'), children: <Money value={contract.paid} /> },
              { key: 'committed', label: t('line.committed'), children: <Money value={contract.committed} /> },
              {
                key: 'procurement',
                label: t('contract.procurement'),
                children:
                  contract.procurementCode && contract.procurementId ? (
                    <Link to={`/control/procurements?year=${contract.fiscalYear}&procurement=${contract.procurementId}`}>
                      {contract.procurementCode}
                    </Link>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          {(contract.permissions.requestClosure || contract.permissions.decideClosure || pending) && (
            <Space wrap>
              {contract.permissions.requestClosure && (
                <Button onClick={() => setClosing('request')} data-testid="contract-close">
                  {t('contract.closeAction')}
                </Button>
              )}
              {contract.permissions.decideClosure && (
                <Button type="primary" onClick={() => setClosing('decide')} data-testid="contract-close-decide">
                  {t('contract.closeDecideAction')}
                </Button>
              )}
              {pending && (
                <Typography.Text type="warning" data-testid="contract-close-pending">
                  {t('contract.closePending', { kind: t(`closureKind.${pending.kind}`), name: pending.requestedByName })}
                </Typography.Text>
              )}
            </Space>
          )}
          {open && !contract.permissions.accept && (
            <Alert type="info" showIcon title={t(refusalKey(contract, session?.user.id))} data-testid="contract-accept-refusal" />
          )}
          <Divider titlePlacement="start">{t('contract.milestones')}</Divider>
          <Table<Milestone>
            size="small"
            rowKey="id"
            dataSource={[...contract.milestones]}
            pagination={false}
            scroll={{ x: 860 }}
            columns={[
              { title: '#', dataIndex: 'seq', width: 40 },
              { title: t('contract.milestoneDescription'), dataIndex: 'description' },
              moneyColumn(t('contract.amount'), 'amount', 130),
              { title: t('payment.dueOnLabel'), dataIndex: 'dueOn', width: 100, render: formatDate },
              {
                title: t('contract.acceptance'),
                key: 'acceptance',
                width: 200,
                render: (_value, milestone) =>
                  milestone.acceptedAt ? (
                    <Space orientation="vertical" size={0}>
                      <Tag color="success">{t('contract.accepted')}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {milestone.acceptedByName} · {formatDateTime(milestone.acceptedAt)}
                      </Typography.Text>
                      {milestone.acceptanceNote && <Typography.Text style={{ fontSize: 12 }}>{milestone.acceptanceNote}</Typography.Text>}
                      {milestone.assetCount > 0 && (
                        <Link to={`/control/assets?contract=${contract.id}`} style={{ fontSize: 12 }}>
                          {t('contract.assetCount', { count: milestone.assetCount })}
                        </Link>
                      )}
                    </Space>
                  ) : contract.permissions.accept ? (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setAccepting(milestone)}
                      data-testid={`milestone-accept-${milestone.seq}`}
                    >
                      {t('contract.accept')}
                    </Button>
                  ) : (
                    <Tag>{t('contract.notAccepted')}</Tag>
                  ),
              },
              moneyColumn(t('line.paid'), 'paid', 120),
              moneyColumn(t('line.committed'), 'committed', 110),
            ]}
          />
          {contract.payments.length > 0 && (
            <>
              <Divider titlePlacement="start">{t('contract.payments')}</Divider>
              <Space wrap>
                {contract.payments.map((entry) => (
                  <Tag key={entry.status}>
                    {isOneOf(PAYMENT_STATUSES, entry.status) ? t(`paymentStatus.${entry.status}`) : entry.status} · {entry.count} ·{' '}
                    <Money value={entry.amount} />
                  </Tag>
                ))}
              </Space>
            </>
          )}
          {contract.closures.length > 0 && (
            <>
              <Divider titlePlacement="start">{t('contract.closures')}</Divider>
              <Table<ContractClosure>
                size="small"
                rowKey="id"
                dataSource={[...contract.closures]}
                pagination={false}
                data-testid="contract-closures"
                columns={[
                  { title: t('contract.closeKind'), key: 'kind', width: 70, render: (_value, closure) => t(`closureKind.${closure.kind}`) },
                  { title: t('contract.closeReason'), dataIndex: 'reason' },
                  {
                    title: t('contract.closeRequestedBy'),
                    key: 'by',
                    width: 170,
                    render: (_value, closure) => `${closure.requestedByName} · ${formatDateTime(closure.requestedAt)}`,
                  },
                  {
                    title: t('common.status'),
                    key: 'status',
                    width: 220,
                    render: (_value, closure) => (
                      <Space orientation="vertical" size={0}>
                        <Tag color={closure.status === 'approved' ? 'success' : closure.status === 'rejected' ? 'error' : 'processing'}>
                          {t(`closureStatus.${closure.status}`)}
                        </Tag>
                        {closure.decidedByName && closure.decidedAt && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {closure.decidedByName} · {formatDateTime(closure.decidedAt)}
                          </Typography.Text>
                        )}
                        {closure.opinion && <Typography.Text style={{ fontSize: 12 }}>{closure.opinion}</Typography.Text>}
                        {closure.released && (
                          <Typography.Text style={{ fontSize: 12 }}>
                            {t('contract.closeReleased', { amount: formatMoney(closure.released) })}
                          </Typography.Text>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            </>
          )}
          <AcceptMilestoneModal contract={contract} milestone={accepting} onClose={() => setAccepting(null)} />
          <ContractClosureModal contract={contract} mode={closing} onClose={() => setClosing(null)} />
        </Space>
      )}
    </Drawer>
  );
}
