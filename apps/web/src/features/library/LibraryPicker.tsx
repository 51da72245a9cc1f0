import { Button, Drawer, Grid, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { type LibraryFilter, type LibraryRow, useLibraryEntries } from '../../api/library-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LibraryFilters } from './LibraryFilters.tsx';

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onPick: (entry: LibraryRow) => void;
}

/** 从指标库选择: the entries in use, searched and browsed by project type, with their history of use. */
export function LibraryPicker({ open, onClose, onPick }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [filter, setFilter] = useState<LibraryFilter>({});
  const list = useLibraryEntries(filter, open);
  return (
    <Drawer open={open} onClose={onClose} size={screens.md ? 820 : '100%'} title={t('libraryPage.pick')}>
      <LibraryFilters filter={filter} setFilter={setFilter} data={list.data} />
      {list.error ? (
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<LibraryRow>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          columns={[
            { title: t('libraryPage.category'), dataIndex: 'category', width: 90 },
            {
              title: t('libraryPage.name'),
              render: (_, row) => (
                <Space direction="vertical" size={0}>
                  <span>{row.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.usedBy
                      ? t('libraryPage.usedBy', { year: row.usedBy.year, count: row.usedBy.projects })
                      : t('libraryPage.neverUsed')}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('libraryPage.direction'), dataIndex: 'direction', width: 60 },
            { title: t('libraryPage.unit'), dataIndex: 'unit', width: 80 },
            {
              title: '',
              width: 80,
              render: (_, row) => (
                <Button size="small" type="primary" onClick={() => onPick(row)} data-testid={`library-pick-${row.name}`}>
                  {t('libraryPage.use')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
