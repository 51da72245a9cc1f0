import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type LibraryFilter, type LibraryRow, useLibraryEntries } from '../../api/library-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isOneOf } from '../../lib/one-of.ts';
import { LibraryEntryDrawer } from './LibraryEntryDrawer.tsx';
import { LibraryEntryForm } from './LibraryEntryForm.tsx';
import { LibraryFilters } from './LibraryFilters.tsx';

const LEVEL1 = ['output', 'effect', 'satisfaction'] as const;

/** 指标库: search and browse by project type and industry; the detail shows the history; maintainers edit. */
export default function LibraryPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<LibraryRow | 'new' | null>(null);
  const list = useLibraryEntries(filter);
  const data = list.data;
  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('libraryPage.title')}
        </Typography.Title>
        {data?.permissions.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="library-create">
            {t('libraryPage.create')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('libraryPage.intro')}</Typography.Paragraph>
      <Card size="small">
        <LibraryFilters filter={filter} setFilter={setFilter} data={data} full />
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<LibraryRow>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={data?.items ?? []}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('libraryPage.code'), dataIndex: 'code', width: 90 },
              { title: t('libraryPage.category'), dataIndex: 'category', width: 100 },
              { title: t('libraryPage.industry'), dataIndex: 'industry', width: 110 },
              {
                title: t('libraryPage.level1'),
                width: 90,
                render: (_, row) => (isOneOf(LEVEL1, row.level1) ? t(`level1.${row.level1}`) : row.level1),
              },
              { title: t('libraryPage.name'), dataIndex: 'name', render: (name: string) => <Typography.Link>{name}</Typography.Link> },
              { title: t('libraryPage.direction'), dataIndex: 'direction', width: 70 },
              { title: t('libraryPage.unit'), dataIndex: 'unit', width: 90 },
              {
                title: t('libraryPage.history'),
                width: 180,
                render: (_, row) =>
                  row.usedBy ? (
                    <span data-testid={`library-used-${row.code}`}>
                      {t('libraryPage.usedBy', { year: row.usedBy.year, count: row.usedBy.projects })}
                    </span>
                  ) : (
                    <Typography.Text type="secondary">{t('libraryPage.neverUsed')}</Typography.Text>
                  ),
              },
              {
                title: t('libraryPage.status'),
                width: 70,
                render: (_, row) => (
                  <Tag color={row.status === 'active' ? 'green' : 'default'}>{t(`libraryPage.status.${row.status}`)}</Tag>
                ),
              },
            ]}
          />
        )}
      </Card>
      <LibraryEntryDrawer id={open} onClose={() => setOpen(null)} onEdit={(row) => setEditing(row)} />
      {editing && <LibraryEntryForm entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
