import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { evaluationApi } from '../../../api/endpoints.ts';
import { useEvaluationWrites } from '../../../api/evaluation-queries.ts';
import type { Attachment } from '../../../api/types.ts';
import { useReportError } from '../../../components/use-report-error.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { checkEvidenceFile, EVIDENCE_EXTENSIONS, EVIDENCE_MAX_MB, formatBytes } from '../../../lib/evidence-files.ts';

interface Props {
  readonly evaluationId: string;
  readonly indicatorId: string;
  readonly attachments: readonly Attachment[];
  readonly canEdit: boolean;
}

/** 佐证材料 of one indicator: upload (type and size checked), list, download, delete. */
export function EvidenceList({ evaluationId, indicatorId, attachments, canEdit }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const reportError = useReportError();
  const { uploadAttachment, deleteAttachment } = useEvaluationWrites(evaluationId);
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    const problem = checkEvidenceFile(file.name, file.size);
    if (problem) {
      message.error(
        problem.kind === 'type'
          ? t('evidence.badType', { name: file.name, types: EVIDENCE_EXTENSIONS.join('、') })
          : problem.kind === 'size'
            ? t('evidence.tooLarge', { name: file.name, size: problem.megabytes, max: EVIDENCE_MAX_MB })
            : t('evidence.empty', { name: file.name }),
      );
      return;
    }
    setUploading(true);
    try {
      await uploadAttachment.mutateAsync({ file, indicatorId });
      message.success(t('evidence.uploaded', { name: file.name }));
    } catch (error) {
      reportError(error);
    } finally {
      setUploading(false);
    }
  };

  const remove = async (attachment: Attachment) => {
    try {
      await deleteAttachment.mutateAsync(attachment.id);
      message.success(t('common.deleted'));
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit && (
        <Upload
          accept={EVIDENCE_EXTENSIONS.map((extension) => `.${extension}`).join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            // The file goes through the API client (CSRF header, error mapping), not antd's uploader.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="evidence-upload">
            {t('evidence.upload')}
          </Button>
        </Upload>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('evidence.hint', { types: EVIDENCE_EXTENSIONS.join('、'), max: EVIDENCE_MAX_MB })}
      </Typography.Text>
      <Table<Attachment>
        rowKey="id"
        size="small"
        dataSource={[...attachments]}
        pagination={false}
        scroll={{ x: 520 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.none')} /> }}
        data-testid="evidence-list"
        columns={[
          { title: t('evidence.file'), dataIndex: 'filename', render: (name: string) => <span className="wrap-text">{name}</span> },
          { title: t('evidence.size'), dataIndex: 'sizeBytes', width: 80, render: (bytes: number) => formatBytes(bytes) },
          { title: t('evidence.uploadedAt'), dataIndex: 'uploadedAt', width: 140, render: (at: string) => formatDateTime(at) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_value, attachment) => (
              <Space>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={t('common.download')}
                  onClick={() =>
                    evaluationApi.downloadAttachment(attachment.id, attachment.filename).catch((error: unknown) => reportError(error))
                  }
                />
                {canEdit && (
                  <Popconfirm title={t('evidence.deleteConfirm', { name: attachment.filename })} onConfirm={() => remove(attachment)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
