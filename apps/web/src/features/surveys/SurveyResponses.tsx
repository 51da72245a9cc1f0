import { Button, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { type SurveyResponseItem, useSurveyResponses, useSurveyWrites } from '../../api/survey-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';

/** 答卷: every response with its flags; a reviewer excludes one with a reason (answers never change). */
export function SurveyResponses({ surveyId, mayReview }: { surveyId: string; mayReview: boolean }) {
  const { t } = useI18n();
  const responses = useSurveyResponses(surveyId);
  const writes = useSurveyWrites();
  const [excluding, setExcluding] = useState<SurveyResponseItem | null>(null);
  const [reason, setReason] = useState('');
  if (responses.error) return <ApiErrorAlert error={responses.error} onRetry={() => void responses.refetch()} />;
  return (
    <>
      <Table<SurveyResponseItem>
        size="small"
        rowKey="id"
        loading={responses.isFetching}
        dataSource={responses.data?.items ?? []}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('surveys.receivedAt'), dataIndex: 'receivedAt', render: (value: string) => value.slice(0, 16).replace('T', ' ') },
          { title: '', dataIndex: 'channel', render: (value: string) => t(`surveys.channel.${value}` as MessageKey) },
          { title: t('surveys.seconds'), dataIndex: 'completionSeconds', align: 'right' },
          {
            title: t('surveys.flags'),
            dataIndex: 'flags',
            render: (flags: string[]) =>
              flags.map((flag) => (
                <Tag key={flag} color="orange">
                  {t(`surveys.flag.${flag}` as MessageKey)}
                </Tag>
              )),
          },
          {
            title: '',
            key: 'exclude',
            render: (_, row) =>
              row.excluded ? (
                t('surveys.excludedBy', { by: row.excluded.by, reason: row.excluded.reason })
              ) : mayReview ? (
                <Button size="small" danger onClick={() => setExcluding(row)}>
                  {t('surveys.exclude')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={excluding !== null}
        title={t('surveys.exclude')}
        confirmLoading={writes.exclude.isPending}
        onCancel={() => setExcluding(null)}
        onOk={() =>
          excluding &&
          writes.exclude.mutate(
            { id: surveyId, responseId: excluding.id, reason },
            {
              onSuccess: () => {
                setExcluding(null);
                setReason('');
              },
            },
          )
        }
      >
        {writes.exclude.error && <ApiErrorAlert error={writes.exclude.error} />}
        <label htmlFor="exclude-reason">{t('surveys.excludeReason')}</label>
        <Input.TextArea id="exclude-reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
      </Modal>
    </>
  );
}
