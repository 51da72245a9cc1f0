import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { type ImportJob, LEDGER_IMPORT_KINDS, type LedgerImportIssue, type LedgerImportKind } from '@jixiao/contract';
import { Alert, Button, Card, Flex, Progress, Radio, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUnitPermissions } from '../../../api/access-queries.ts';
import { useImportJob } from '../../../api/control-queries.ts';
import { ledgerImportApi } from '../../../api/endpoints.ts';
import { useReportError } from '../../../components/use-report-error.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { ScopeBar } from '../scope/ScopeBar.tsx';
import { useControlScope } from '../scope/use-control-scope.ts';
import { isRunning, progressPercent } from './import-progress.ts';

/** The job the page follows (a query polled while it runs); a job that cannot be read is reported once. */
function useFollowedJob(jobId: string | null): ImportJob | null {
  const reportError = useReportError();
  const { data, error } = useImportJob(jobId);
  useEffect(() => {
    if (error) reportError(error);
  }, [error, reportError]);
  return data ?? null;
}

/**
 * 台账导入: budget lines or paid payments from an .xlsx or .csv, checked and written all or
 * nothing in the background. The page follows the job (?job=<id>, so a reload keeps following it)
 * and ends with the rows created or every problem by row and column.
 */
export default function LedgerImportPage() {
  const { t } = useI18n();
  const reportError = useReportError();
  const scope = useControlScope();
  const [search, setSearch] = useSearchParams();
  const [kind, setKind] = useState<LedgerImportKind>(search.get('kind') === 'payments' ? 'payments' : 'budget-lines');
  const [uploading, setUploading] = useState(false);
  const jobId = search.get('job');
  const job = useFollowedJob(jobId);
  const { organisationId } = scope;
  const canImport = useUnitPermissions(organisationId).importLedger;
  const percent = job ? progressPercent(job) : null;

  const upload = async (file: File) => {
    if (!organisationId) return;
    setUploading(true);
    try {
      const { jobId: started } = await ledgerImportApi.start(kind, organisationId, file);
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('job', started);
          next.set('kind', kind);
          return next;
        },
        { replace: true },
      );
    } catch (error) {
      reportError(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="page-stack">
      <Typography.Title level={3} className="page-title">
        {t('nav.controlImport')}
      </Typography.Title>
      <Card size="small">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('ledgerImport.intro')}
          </Typography.Paragraph>
          <ScopeBar scope={scope} showYear={false}>
            <Radio.Group
              optionType="button"
              value={kind}
              onChange={(event) => setKind(event.target.value as LedgerImportKind)}
              options={LEDGER_IMPORT_KINDS.map((value) => ({ value, label: t(`ledgerImport.kind.${value}`) }))}
              data-testid="import-kind"
            />
          </ScopeBar>
          <Flex gap={8} wrap>
            {LEDGER_IMPORT_KINDS.map((value) => (
              <Button
                key={value}
                icon={<DownloadOutlined />}
                onClick={() => void ledgerImportApi.downloadTemplate(value).catch((error: unknown) => reportError(error))}
                data-testid={`import-template-${value}`}
              >
                {t('ledgerImport.template', { kind: t(`ledgerImport.kind.${value}`) })}
              </Button>
            ))}
          </Flex>
          {!canImport && organisationId && <Alert type="info" showIcon title={t('ledgerImport.notAllowed')} />}
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={uploading || !canImport || (job !== null && isRunning(job))}
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
            <p className="ant-upload-text">
              {uploading ? t('workbook.uploading') : t('ledgerImport.dropHint', { kind: t(`ledgerImport.kind.${kind}`) })}
            </p>
          </Upload.Dragger>
          {job && (
            <Card size="small" title={`${job.filename} · ${t(`ledgerImport.kind.${job.kind}`)}`} data-testid="import-job">
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Progress
                  percent={percent ?? 0}
                  status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
                  data-testid="import-progress"
                />
                <Typography.Text type="secondary">
                  {t(`ledgerImport.status.${job.status}`)} ·{' '}
                  {t('ledgerImport.rows', { processed: job.processedRows, total: job.totalRows })}
                </Typography.Text>
                {job.status === 'done' && (
                  <Alert
                    type="success"
                    showIcon
                    title={t('ledgerImport.done', { count: job.createdRows })}
                    description={job.message ?? undefined}
                    data-testid="import-done"
                  />
                )}
                {job.status === 'failed' && (
                  <Alert
                    type="error"
                    showIcon
                    title={job.message ?? t('ledgerImport.failed', { count: job.errorCount })}
                    data-testid="import-failed"
                    action={
                      job.errorCount > 0 && (
                        <Button
                          size="small"
                          icon={<DownloadOutlined />}
                          onClick={() => void ledgerImportApi.downloadErrors(job.id).catch((error: unknown) => reportError(error))}
                          data-testid="import-errors-download"
                        >
                          {t('ledgerImport.downloadErrors')}
                        </Button>
                      )
                    }
                    description={
                      job.errors.length < job.errorCount
                        ? t('ledgerImport.someErrors', { shown: job.errors.length, count: job.errorCount })
                        : undefined
                    }
                  />
                )}
                {job.errors.length > 0 && (
                  <Table<LedgerImportIssue & { key: number }>
                    size="small"
                    dataSource={job.errors.map((issue, index) => ({ ...issue, key: index }))}
                    pagination={job.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                    scroll={{ x: 520 }}
                    data-testid="import-errors"
                    columns={[
                      { title: t('file.row'), dataIndex: 'row', width: 70 },
                      { title: t('file.column'), dataIndex: 'column', width: 160 },
                      { title: t('file.problem'), dataIndex: 'message' },
                    ]}
                  />
                )}
              </Space>
            </Card>
          )}
        </Space>
      </Card>
    </div>
  );
}
