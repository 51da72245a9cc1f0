import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useAdminWrites } from '../../api/admin-queries.ts';
import { ApiError, type FileIssue, fileIssues } from '../../api/api-error.ts';
import { adminApi } from '../../api/endpoints.ts';
import type { ImportResultResponse } from '../../api/types.ts';
import { FileIssueTable } from '../../components/FileIssueTable.tsx';
import { useReportError } from '../../components/use-report-error.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** 批量导入: units and users from one .xlsx, all or nothing; problems by sheet, row and column; new users' passwords shown once. */
export function ImportPanel() {
  const { t } = useI18n();
  const reportError = useReportError();
  const { importUnitsAndUsers } = useAdminWrites();
  const [uploading, setUploading] = useState(false);
  const [result, setResult] = useState<ImportResultResponse | null>(null);
  const [problem, setProblem] = useState<{ message: string; issues: FileIssue[] } | null>(null);

  const upload = async (file: File) => {
    setUploading(true);
    setProblem(null);
    setResult(null);
    try {
      setResult(await importUnitsAndUsers.mutateAsync(file));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) setProblem({ message: error.message, issues: fileIssues(error.details) });
      else reportError(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('import.intro')}
      </Typography.Paragraph>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => void adminApi.downloadImportTemplate().catch((error: unknown) => reportError(error))}
      >
        {t('import.template')}
      </Button>
      <Upload.Dragger
        accept=".xlsx"
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(file) => {
          void upload(file);
          // Sent through the API client (CSRF header, error mapping), not by antd's uploader.
          return false;
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{uploading ? t('workbook.uploading') : t('import.dropHint')}</p>
      </Upload.Dragger>
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem.message}
          description={problem.issues.length > 0 ? <FileIssueTable issues={problem.issues} /> : undefined}
          data-testid="import-errors"
        />
      )}
      {result && (
        <Alert
          type="success"
          showIcon
          title={t('import.done', { organisations: result.organisationsCreated, users: result.usersCreated.length })}
          description={
            result.usersCreated.length > 0 && (
              <>
                <Typography.Paragraph type="warning">{t('user.initialPasswordOnce')}</Typography.Paragraph>
                <Table
                  size="small"
                  rowKey="username"
                  pagination={false}
                  dataSource={result.usersCreated}
                  columns={[
                    { title: t('user.username'), dataIndex: 'username' },
                    {
                      title: t('user.initialPassword'),
                      dataIndex: 'initialPassword',
                      render: (password: string) => (
                        <Typography.Text code copyable>
                          {password}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
              </>
            )
          }
          data-testid="import-result"
        />
      )}
    </Space>
  );
}
