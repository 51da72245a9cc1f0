import { Button, Checkbox, Flex, Input, Modal, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { type SurveyResponseItem, useSurveyResponses, useSurveyWrites } from '../../api/survey-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';

/**
 * 答卷: every response with its flags; a reviewer keeps a flagged one after review or excludes one with a
 * reason (answers never change). "Flagged only" shows those still waiting for that decision.
 */
export function SurveyResponses({
  surveyId,
  mayReview,
  flaggedOnly = false,
}: {
  surveyId: string;
  mayReview: boolean;
  flaggedOnly?: boolean;
}) {
  const { t } = useI18n();
  const responses = useSurveyResponses(surveyId);
  const writes = useSurveyWrites();
  const [excluding, setExcluding] = useState<SurveyResponseItem | null>(null);
  const [reason, setReason] = useState('');
  const [onlyWaiting, setOnlyWaiting] = useState(flaggedOnly);
  if (responses.error) return <ApiErrorAlert error={responses.error} onRetry={() => void responses.refetch()} />;
  const items = (responses.data?.items ?? []).filter(
    (row) => !onlyWaiting || (row.flags.length > 0 && row.excluded === null && row.kept === null),
  );
  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Checkbox checked={onlyWaiting} onChange={(event) => setOnlyWaiting(event.target.checked)} data-testid="survey-flagged-only">
          {t('surveys.flaggedOnly')}
        </Checkbox>
      </Flex>
      {writes.keep.error && <ApiErrorAlert error={writes.keep.error} />}
      <Table<SurveyResponseItem>
        size="small"
        rowKey="id"
        loading={responses.isFetching}
        dataSource={items}
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
                <Flex gap={4} wrap>
                  {row.kept ? (
                    <span>{t('surveys.keptBy', { by: row.kept.by, date: row.kept.at.slice(0, 10) })}</span>
                  ) : row.flags.length > 0 ? (
                    <Popconfirm title={t('surveys.keepConfirm')} onConfirm={() => writes.keep.mutate({ id: surveyId, responseId: row.id })}>
                      <Button size="small">{t('surveys.keep')}</Button>
                    </Popconfirm>
                  ) : null}
                  <Button size="small" danger onClick={() => setExcluding(row)}>
                    {t('surveys.exclude')}
                  </Button>
                </Flex>
              ) : row.kept ? (
                t('surveys.keptBy', { by: row.kept.by, date: row.kept.at.slice(0, 10) })
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
