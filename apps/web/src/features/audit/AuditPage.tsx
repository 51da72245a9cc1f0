import { AUDIT_ENTITY_TYPES, type AuditEntityType } from '@jixiao/contract';
import { Button, Card, Collapse, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuditActors, useAuditPage } from '../../api/control-queries.ts';
import type { AuditEntryItem, AuditFilter } from '../../api/types.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { auditActionLabel } from '../../lib/labels.ts';
import { isOneOf } from '../../lib/one-of.ts';
import { AuditVerifyPanel } from './AuditVerifyPanel.tsx';
import { readableChanges, yuanOfFen } from './audit-readable.ts';
import { JsonDiff } from './JsonDiff.tsx';

const PAGE_SIZE = 50;

/** The changed fields under their labels, and the stored JSON for whoever needs every byte. */
function EntryChanges({ entry }: { entry: AuditEntryItem }) {
  const { t } = useI18n();
  const changes = readableChanges(t, entry.entityType, entry.before, entry.after);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {changes.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={changes}
          data-testid="audit-changes"
          columns={[
            { title: t('audit.field'), dataIndex: 'label', width: 200 },
            { title: t('audit.before'), dataIndex: 'before' },
            { title: t('audit.after'), dataIndex: 'after' },
          ]}
        />
      )}
      <Collapse
        size="small"
        ghost
        items={[{ key: 'raw', label: t('audit.raw'), children: <JsonDiff before={entry.before} after={entry.after} /> }]}
      />
    </Space>
  );
}

/**
 * 审计日志: who changed what, when, from what to what. Paged backwards through time with the
 * server's cursor (beforeId): the stack of cursors lets the user step back to newer pages.
 */
export default function AuditPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const [filter, setFilter] = useState<Omit<AuditFilter, 'beforeId' | 'limit'>>({});
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const beforeId = cursors.at(-1);
  const query: AuditFilter = { ...filter, beforeId, limit: PAGE_SIZE };
  const page = useAuditPage(query);
  const actors = useAuditActors();

  const change = (patch: Omit<AuditFilter, 'beforeId' | 'limit'>) => {
    setFilter((current) => ({ ...current, ...patch }));
    setCursors([undefined]);
  };
  const range = (dates: [Dayjs | null, Dayjs | null] | null) =>
    change({ from: dates?.[0]?.format('YYYY-MM-DD') ?? undefined, to: dates?.[1]?.format('YYYY-MM-DD') ?? undefined });
  const nextBeforeId = page.data?.nextBeforeId ?? null;

  return (
    <div className="page-stack">
      <Typography.Title level={3} className="page-title">
        {t('nav.audit')}
      </Typography.Title>
      {session?.access.verifyAudit && <AuditVerifyPanel />}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<AuditEntityType>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 180 }}
            data-testid="audit-type"
            placeholder={t('audit.entityType')}
            value={filter.entityType}
            onChange={(entityType) => change({ entityType })}
            options={AUDIT_ENTITY_TYPES.map((value) => ({ value, label: t(`entity.${value}`) }))}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={t('audit.actorFilter')}
            aria-label={t('audit.actorFilter')}
            data-testid="audit-actor"
            loading={actors.isLoading}
            value={filter.actorId}
            onChange={(actorId) => change({ actorId })}
            options={(actors.data?.items ?? []).map((actor) => ({
              value: actor.id,
              label: actor.name,
              title: t('audit.actorEntries', { name: actor.name, count: actor.entries }),
            }))}
          />
          <Input.Search
            allowClear
            style={{ width: 300 }}
            placeholder={t('audit.entityId')}
            onSearch={(value) => change({ entityId: value.trim() || undefined })}
          />
          <DatePicker.RangePicker onChange={range} />
        </Space>
        {page.error ? (
          <ApiErrorAlert error={page.error} onRetry={page.refetch} />
        ) : (
          <Table<AuditEntryItem>
            rowKey="id"
            size="small"
            loading={page.isFetching}
            dataSource={page.data?.items ?? []}
            pagination={false}
            scroll={{ x: 1000 }}
            expandable={{
              expandedRowRender: (entry) => <EntryChanges entry={entry} />,
              rowExpandable: (entry) => entry.before != null || entry.after != null,
            }}
            columns={[
              { title: t('audit.at'), dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
              { title: t('audit.actor'), dataIndex: 'actorName', width: 140, render: (name: string | null) => name ?? t('audit.system') },
              { title: t('audit.action'), dataIndex: 'action', width: 180, render: (action: string) => auditActionLabel(t, action) },
              {
                title: t('audit.entity'),
                key: 'entity',
                render: (_value, entry) => (
                  <Space orientation="vertical" size={0}>
                    <span data-testid="audit-subject">
                      {[
                        isOneOf(AUDIT_ENTITY_TYPES, entry.entityType) ? t(`entity.${entry.entityType}`) : entry.entityType,
                        entry.subjectName,
                        entry.subjectAmountFen === null ? null : yuanOfFen(entry.subjectAmountFen),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    <Typography.Text type="secondary" copyable={{ text: entry.entityId }} style={{ fontSize: 12 }}>
                      {entry.entityId}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t('audit.requestId'), dataIndex: 'requestId', width: 150, ellipsis: true, render: (id: string | null) => id ?? '—' },
              { title: 'IP', dataIndex: 'ip', width: 120, render: (ip: string | null) => ip ?? '—' },
            ]}
          />
        )}
        <Space style={{ marginTop: 12 }}>
          <Button disabled={cursors.length <= 1} onClick={() => setCursors((current) => current.slice(0, -1))}>
            {t('audit.newer')}
          </Button>
          <Button
            disabled={nextBeforeId === null}
            onClick={() => nextBeforeId !== null && setCursors((current) => [...current, nextBeforeId])}
            data-testid="audit-older"
          >
            {t('audit.older')}
          </Button>
          <Typography.Text type="secondary">{t('audit.page', { page: cursors.length })}</Typography.Text>
        </Space>
      </Card>
    </div>
  );
}
