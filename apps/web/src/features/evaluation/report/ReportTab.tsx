import { FilePdfOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../../api/api-error.ts';
import { evaluationApi } from '../../../api/endpoints.ts';
import { useReportCss, useReportHtml } from '../../../api/evaluation-queries.ts';
import type { EvaluationDetail } from '../../../api/types.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useReportError } from '../../../components/use-report-error.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { ReportPreview } from './ReportPreview.tsx';

/** 报告: the report as the server renders it, and the Word and PDF downloads. */
export function ReportTab({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useI18n();
  const reportError = useReportError();
  const html = useReportHtml(evaluation.id, evaluation.revision);
  const css = useReportCss();
  const [downloading, setDownloading] = useState<'docx' | 'pdf' | null>(null);
  const [pdfProblem, setPdfProblem] = useState<ApiError | null>(null);

  const download = async (format: 'docx' | 'pdf') => {
    setDownloading(format);
    if (format === 'pdf') setPdfProblem(null);
    try {
      await evaluationApi.downloadReport(evaluation.id, format);
    } catch (error) {
      // Without Chromium on the server the PDF cannot be made; the message says how to add it. It stays on screen.
      if (error instanceof ApiError && error.code === 'PDF_UNAVAILABLE') setPdfProblem(error);
      else reportError(error);
    } finally {
      setDownloading(null);
    }
  };

  const failure = html.error ?? css.error;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Button
          icon={<FileWordOutlined />}
          loading={downloading === 'docx'}
          onClick={() => void download('docx')}
          data-testid="report-download-docx"
        >
          {t('report.downloadDocx')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          loading={downloading === 'pdf'}
          onClick={() => void download('pdf')}
          data-testid="report-download-pdf"
        >
          {t('report.downloadPdf')}
        </Button>
        <Button icon={<ReloadOutlined />} loading={html.isFetching} onClick={() => void html.refetch()}>
          {t('report.refresh')}
        </Button>
      </Space>
      {pdfProblem && (
        <Alert
          type="warning"
          showIcon
          closable
          title={t('report.pdfUnavailable')}
          description={errorText(pdfProblem, t('error.requestId'))}
          data-testid="pdf-unavailable"
        />
      )}
      {failure ? (
        <ApiErrorAlert error={failure} onRetry={() => void (html.error ? html.refetch() : css.refetch())} />
      ) : html.data !== undefined && css.data !== undefined ? (
        <div className="report-preview">
          <ReportPreview html={html.data} css={css.data} />
        </div>
      ) : (
        <Skeleton active paragraph={{ rows: 12 }} />
      )}
    </Space>
  );
}
