import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import type { Grant, OverdueFollowUp, Recipient } from '@jixiao/contract';
import { Alert, Button, Card, Col, Flex, Input, Row, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUnitPermissions } from '../../../api/access-queries.ts';
import { useGrantSummary, useGrants, useOverdueFollowUps, useRecipients } from '../../../api/control-queries.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { ListSearch, useListQuery } from '../../../components/ListSearch.tsx';
import { moneyColumn } from '../../../components/Money.tsx';
import { type TableRowProps, TestIdRow } from '../../../components/test-id-row.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { formatMoney } from '../../../lib/money.ts';
import { ScopeBar } from '../scope/ScopeBar.tsx';
import { useControlScope } from '../scope/use-control-scope.ts';
import { useScopeLines } from '../shared/use-scope-lines.ts';
import { GrantDrawer } from './GrantDrawer.tsx';
import { CreateGrantModal, CreateRecipientModal } from './SubsidyForms.tsx';

const GrantRow = (props: TableRowProps) => <TestIdRow prefix="grant-row-" {...props} />;

/**
 * 补贴: grants to enterprises with what has been paid, and the follow-up checks after payment,
 * with the overdue ones and the enterprises found listed for 经营异常 first.
 */
export default function SubsidiesPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const scope = useControlScope();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'recipients' ? 'recipients' : 'grants';
  const [openGrant, setOpenGrant] = useState<string | null>(null);
  const [creatingGrant, setCreatingGrant] = useState(false);
  const [creatingRecipient, setCreatingRecipient] = useState(false);
  const [query, setQuery] = useState('');
  const [q, setQ] = useListQuery();
  const { organisationId, fiscalYear } = scope;
  const filter = organisationId && fiscalYear ? { organisationId: scope.listOrganisationId, fiscalYear } : null;
  // The search narrows the grants' table only; the totals above it stay the year's.
  const grants = useGrants(filter && { ...filter, q });
  const summary = useGrantSummary(filter);
  const overdue = useOverdueFollowUps(scope.listOrganisationId, organisationId !== undefined);
  const recipients = useRecipients(query);
  const lines = useScopeLines(scope);
  const may = useUnitPermissions(organisationId);
  const counts = summary.data?.followUps;
  const overdueItems = overdue.data?.items ?? [];

  const grantTable = grants.error ? (
    <ApiErrorAlert error={grants.error} onRetry={grants.refetch} />
  ) : (
    <Table<Grant>
      size="small"
      rowKey="id"
      loading={grants.isFetching || scope.loading}
      dataSource={grants.data?.items ?? []}
      pagination={false}
      scroll={{ x: 1100 }}
      components={{ body: { row: GrantRow } }}
      onRow={(grant) => ({ onClick: () => setOpenGrant(grant.id), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t('grant.recipient'),
          key: 'recipient',
          width: 260,
          fixed: isPhone ? undefined : 'left',
          render: (_value, grant) => (
            <>
              <Typography.Link>{grant.recipientName}</Typography.Link>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {grant.programme} · {grant.budgetLineCode}
                </Typography.Text>
              </div>
            </>
          ),
        },
        moneyColumn(t('grant.amount'), 'amount', 130),
        moneyColumn(t('line.paid'), 'paid', 130),
        { title: t('grant.awardedOn'), dataIndex: 'awardedOn', width: 110, render: formatDate },
        { title: t('grant.dueOn'), dataIndex: 'dueOn', width: 110, render: formatDate },
        {
          title: t('followUp.title'),
          key: 'followUps',
          width: 300,
          render: (_value, grant) => {
            const followUps = grant.followUpCounts;
            return (
              <Flex gap={4} wrap>
                <Tag>{t('followUp.progress', { done: followUps.done, total: followUps.total })}</Tag>
                {followUps.total === 0 && <Tag color="warning">{t('followUp.noneScheduled')}</Tag>}
                {followUps.overdue > 0 && <Tag color="error">{t('followUp.overdueCount', { count: followUps.overdue })}</Tag>}
                {followUps.abnormal > 0 && <Tag color="error">{t('followUp.abnormalCount', { count: followUps.abnormal })}</Tag>}
                {followUps.abnormalOperation > 0 && (
                  <Tag color="volcano" icon={<WarningOutlined />}>
                    {t('followUp.abnormalOperation')}
                  </Tag>
                )}
              </Flex>
            );
          },
        },
      ]}
    />
  );

  const recipientTable = (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Input.Search allowClear placeholder={t('recipient.search')} style={{ maxWidth: 320 }} onSearch={setQuery} />
        {may.createRecipient && (
          <Button icon={<PlusOutlined />} onClick={() => setCreatingRecipient(true)}>
            {t('recipient.create')}
          </Button>
        )}
      </Flex>
      {recipients.error ? (
        <ApiErrorAlert error={recipients.error} onRetry={recipients.refetch} />
      ) : (
        <Table<Recipient>
          size="small"
          rowKey="id"
          loading={recipients.isFetching}
          dataSource={recipients.data?.items ?? []}
          pagination={false}
          scroll={{ x: 700 }}
          columns={[
            { title: t('recipient.name'), dataIndex: 'name' },
            {
              title: t('recipient.uscc'),
              dataIndex: 'uscc',
              width: 200,
              render: (value: string) => <span className="numeric">{value}</span>,
            },
            { title: t('recipient.contact'), dataIndex: 'contact', width: 220, render: (value: string | null) => value ?? '—' },
            { title: t('recipient.grants'), dataIndex: 'grantCount', width: 90, align: 'right' },
          ]}
        />
      )}
    </>
  );

  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.controlSubsidies')}
        </Typography.Title>
        {may.createGrant && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingGrant(true)} data-testid="grant-create">
            {t('grant.create')}
          </Button>
        )}
      </Flex>
      <ScopeBar scope={scope}>
        <ListSearch value={q} onSearch={setQ} placeholder={t('list.searchGrants')} testId="grant-search" />
      </ScopeBar>
      {overdueItems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('followUp.overdueList', { count: overdueItems.length })}
          data-testid="follow-ups-overdue"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {overdueItems.map((item: OverdueFollowUp) => (
                <li key={item.id}>
                  <Typography.Link onClick={() => setOpenGrant(item.grantId)}>{item.recipientName}</Typography.Link>
                  {' · '}
                  {t('followUp.overdueItem', {
                    programme: item.programme,
                    amount: formatMoney(item.grantAmount),
                    due: formatDate(item.dueOn),
                    days: item.daysOverdue,
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('grant.count')} value={summary.data?.grantCount ?? 0} loading={summary.isFetching} />
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card size="small">
            <Statistic title={t('grant.awarded')} value={formatMoney(summary.data?.awarded ?? '0')} loading={summary.isFetching} />
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card size="small">
            <Statistic title={t('line.paid')} value={formatMoney(summary.data?.paid ?? '0')} loading={summary.isFetching} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('followUp.done')} value={counts ? `${counts.done} / ${counts.total}` : '—'} loading={summary.isFetching} />
          </Card>
        </Col>
        <Col xs={12} md={3}>
          <Card size="small">
            <Statistic
              title={t('followUp.overdue')}
              value={counts?.overdue ?? 0}
              loading={summary.isFetching}
              styles={{ content: { color: counts?.overdue ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={3}>
          <Card size="small">
            <Statistic
              title={t('followUp.abnormalOperation')}
              value={counts?.abnormalOperation ?? 0}
              loading={summary.isFetching}
              styles={{ content: { color: counts?.abnormalOperation ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setSearch(
              (current) => {
                const next = new URLSearchParams(current);
                if (key === 'recipients') next.set('tab', key);
                else next.delete('tab');
                return next;
              },
              { replace: true },
            )
          }
          items={[
            { key: 'grants', label: t('grant.tab'), children: grantTable },
            { key: 'recipients', label: t('recipient.tab'), children: recipientTable },
          ]}
        />
      </Card>
      <GrantDrawer grantId={openGrant} onClose={() => setOpenGrant(null)} />
      {organisationId && (
        <>
          <CreateGrantModal
            open={creatingGrant}
            organisationId={organisationId}
            lines={lines.data?.items ?? []}
            recipients={recipients.data?.items ?? []}
            onClose={() => setCreatingGrant(false)}
          />
          <CreateRecipientModal open={creatingRecipient} organisationId={organisationId} onClose={() => setCreatingRecipient(false)} />
        </>
      )}
    </div>
  );
}
