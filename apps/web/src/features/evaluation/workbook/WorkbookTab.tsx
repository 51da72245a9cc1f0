import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, type FileIssue, fileIssues } from '../../../api/api-error.ts';
import { evaluationApi } from '../../../api/endpoints.ts';
import { useEvaluationWrites } from '../../../api/evaluation-queries.ts';
import type { EvaluationDetail } from '../../../api/types.ts';
import { FileIssueTable } from '../../../components/FileIssueTable.tsx';
import { useReportError } from '../../../components/use-report-error.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

const FILE_ERRORS = new Set(['BAD_FILE', 'VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE']);

/** 导入导出: the evaluation as a workbook (.xlsx / .json) to work on offline, and its upload to replace the content. */
export function WorkbookTab({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const reportError = useReportError();
  const { importWorkbook } = useEvaluationWrites(evaluation.id);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<{ message: string; issues: FileIssue[] } | null>(null);
  const canEdit = evaluation.permissions.edit;

  const upload = async (file: File) => {
    setUploading(true);
    setProblem(null);
    try {
      const result = await importWorkbook.mutateAsync(file);
      message.success(t('workbook.imported', { goals: result.goals, indicators: result.indicators }));
    } catch (error) {
      // A bad file is listed by sheet, row and column, to be fixed in the file and uploaded again.
      if (error instanceof ApiError && FILE_ERRORS.has(error.code))
        setProblem({ message: error.message, issues: fileIssues(error.details) });
      else reportError(error);
    } finally {
      setUploading(false);
    }
  };

  const confirmUpload = (file: File) => {
    modal.confirm({
      title: t('workbook.confirmTitle'),
      content: t('workbook.confirmBody', { name: file.name }),
      okText: t('workbook.replace'),
      okButtonProps: { danger: true },
      onOk: () => upload(file),
    });
  };

  const download = (format: 'xlsx' | 'json') =>
    evaluationApi.downloadWorkbook(evaluation.id, format).catch((error: unknown) => reportError(error));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={5}>{t('workbook.export')}</Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void download('xlsx')} data-testid="workbook-download-xlsx">
            {t('workbook.downloadXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void download('json')} data-testid="workbook-download-json">
            {t('workbook.downloadJson')}
          </Button>
        </Space>
      </div>
      <div>
        <Typography.Title level={5}>{t('workbook.import')}</Typography.Title>
        {canEdit ? (
          <Upload.Dragger
            accept=".xlsx,.json"
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              confirmUpload(file);
              // Sent through the API client after confirmation, not by antd's uploader.
              return false;
            }}
            data-testid="workbook-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{uploading ? t('workbook.uploading') : t('workbook.dropHint')}</p>
            <p className="ant-upload-hint">{t('workbook.replaceHint')}</p>
          </Upload.Dragger>
        ) : (
          <Alert type="info" showIcon title={t('workbook.readOnly')} />
        )}
      </div>
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem.message}
          description={problem.issues.length > 0 ? <FileIssueTable issues={problem.issues} /> : undefined}
          closable={{ onClose: () => setProblem(null) }}
          data-testid="workbook-errors"
        />
      )}
    </Space>
  );
}
