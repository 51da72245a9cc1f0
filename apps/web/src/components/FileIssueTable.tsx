import { Table } from 'antd';
import type { FileIssue } from '../api/api-error.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Problems found in an uploaded file, by sheet, row and column (or JSON path), so they can be fixed in place. */
export function FileIssueTable({ issues }: { issues: readonly FileIssue[] }) {
  const { t } = useI18n();
  return (
    <Table<FileIssue & { key: number }>
      size="small"
      dataSource={issues.map((issue, index) => ({ ...issue, key: index }))}
      pagination={issues.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 560 }}
      data-testid="file-issues"
      columns={[
        { title: t('file.sheet'), dataIndex: 'sheet', width: 140, render: (sheet: string | null, issue) => sheet ?? (issue.place || '—') },
        { title: t('file.row'), dataIndex: 'row', width: 70, render: (row: number | null) => row ?? '—' },
        { title: t('file.column'), dataIndex: 'column', width: 70, render: (column: string | null) => column ?? '—' },
        { title: t('file.problem'), dataIndex: 'message' },
      ]}
    />
  );
}
