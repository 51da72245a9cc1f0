import { Button, Descriptions, Drawer, Flex, Form, Input, Modal, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useRectification, useRectificationWrites } from '../../api/rectification-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { RectificationDeadline, RectificationStatusTag } from './RectificationStatusTag.tsx';

interface FeedbackForm {
  text: string;
  evidence?: { description: string; link?: string }[];
}

/** One notice: what is required, its history (each step, who, when, opinion, evidence), and the actions the server permits. */
export function RectificationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const query = useRectification(id);
  const writes = useRectificationWrites();
  const { write, saving } = useWrite();
  const [feedbackForm] = Form.useForm<FeedbackForm>();
  const [opinion, setOpinion] = useState('');
  const item = query.data;

  const submitFeedback = async () => {
    if (!item) return;
    const values = await feedbackForm.validateFields();
    Modal.confirm({
      title: t('rectification.feedback'),
      content: t('rectification.confirmFeedback'),
      onOk: () =>
        write(
          () =>
            writes.feedback.mutateAsync({
              id: item.id,
              body: {
                version: item.version,
                text: values.text,
                evidence: (values.evidence ?? [])
                  .filter((entry) => entry?.description?.trim())
                  .map((entry) => ({ description: entry.description, ...(entry.link?.trim() ? { link: entry.link.trim() } : {}) })),
              },
            }),
          { form: feedbackForm },
        ).then((ok) => ok && feedbackForm.resetFields()),
    });
  };

  const decide = (decision: 'close' | 'reopen') => {
    if (!item) return;
    if (!opinion.trim()) {
      Modal.warning({ title: t('rectification.verify'), content: t('rectification.opinionRequired') });
      return;
    }
    Modal.confirm({
      title: t(`rectification.${decision}`),
      content: t(decision === 'close' ? 'rectification.confirmClose' : 'rectification.confirmReopen'),
      onOk: () =>
        write(() => writes.verify.mutateAsync({ id: item.id, body: { version: item.version, decision, opinion } })).then(
          (ok) => ok && setOpinion(''),
        ),
    });
  };

  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={item?.sourceTitle ?? t('rectification.title')} destroyOnHidden>
      {query.error && <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {item && (
        <Flex vertical gap={16} data-testid="rectification-detail">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('rectification.unit')}>{item.organisationName}</Descriptions.Item>
            <Descriptions.Item label={t('rectification.status')}>
              <RectificationStatusTag status={item.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('rectification.source')}>
              {t(`rectification.kind.${item.sourceKind}`)} · {item.sourceTitle}
              {item.sourceKind === 'self-evaluation' && item.sourceId && (
                <>
                  {' '}
                  <Link to={`/evaluations/${item.sourceId}`}>{t('rectification.openSource')}</Link>
                </>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('rectification.problem')}>{item.problem}</Descriptions.Item>
            <Descriptions.Item label={t('rectification.measures')}>
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {item.measures.map((measure) => (
                  <li key={measure}>{measure}</li>
                ))}
              </ol>
            </Descriptions.Item>
            {item.ownerName && <Descriptions.Item label={t('rectification.owner')}>{item.ownerName}</Descriptions.Item>}
            <Descriptions.Item label={t('rectification.deadline')}>
              <RectificationDeadline deadline={item.deadline} overdue={item.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label={t('rectification.issuedBy')}>
              {item.issuedByName} · {formatDateTime(item.issuedAt)}
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('rectification.history')}
          </Typography.Title>
          <Timeline
            data-testid="rectification-history"
            items={item.steps.map((step, index) => ({
              key: `${step.at}-${index}`,
              color: step.action === 'close' ? 'green' : step.action === 'reopen' ? 'red' : 'blue',
              title: formatDateTime(step.at),
              content: (
                <div>
                  <Typography.Text strong>{step.actionLabel}</Typography.Text>
                  <Typography.Text type="secondary"> · {step.actorName}</Typography.Text>
                  {step.text && (
                    <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{step.text}</Typography.Paragraph>
                  )}
                  {step.evidence.length > 0 && (
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                      {step.evidence.map((entry) => (
                        <li key={`${entry.description}-${entry.link ?? ''}`}>
                          {entry.link ? (
                            <a href={entry.link} target="_blank" rel="noreferrer noopener">
                              {entry.description}
                            </a>
                          ) : (
                            entry.description
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ),
            }))}
          />

          {item.permissions.refusal && <Typography.Text type="warning">{item.permissions.refusal}</Typography.Text>}

          {item.permissions.feedback && (
            <Form form={feedbackForm} layout="vertical" data-testid="rectification-feedback-form">
              <Form.Item
                name="text"
                label={t('rectification.feedbackText')}
                rules={[{ required: true, whitespace: true, message: t('rectification.textRequired') }]}
              >
                <Input.TextArea rows={4} maxLength={4000} />
              </Form.Item>
              <Form.List name="evidence">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={8}>
                    <Typography.Text>{t('rectification.evidence')}</Typography.Text>
                    {fields.map((field) => (
                      <Space key={field.key} align="start" wrap>
                        <Form.Item
                          name={[field.name, 'description']}
                          rules={[{ required: true, message: t('rectification.required') }]}
                          noStyle
                        >
                          <Input placeholder={t('rectification.evidenceDescription')} style={{ width: 240 }} maxLength={500} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'link']} noStyle>
                          <Input placeholder={t('rectification.evidenceLink')} style={{ width: 260 }} maxLength={1000} />
                        </Form.Item>
                        <Button onClick={() => remove(field.name)}>×</Button>
                      </Space>
                    ))}
                    <Button onClick={() => add({ description: '' })} style={{ alignSelf: 'flex-start' }}>
                      {t('rectification.addEvidence')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
              <Button
                type="primary"
                loading={saving}
                onClick={() => void submitFeedback()}
                style={{ marginTop: 12 }}
                data-testid="rectification-submit-feedback"
              >
                {t('rectification.feedback')}
              </Button>
            </Form>
          )}

          {(item.permissions.close || item.permissions.reopen) && (
            <Flex vertical gap={8} data-testid="rectification-verify">
              <Typography.Text>{t('rectification.opinion')}</Typography.Text>
              <Input.TextArea rows={3} value={opinion} onChange={(event) => setOpinion(event.target.value)} maxLength={4000} />
              <Space>
                {item.permissions.close && (
                  <Button type="primary" loading={saving} onClick={() => decide('close')} data-testid="rectification-close">
                    {t('rectification.close')}
                  </Button>
                )}
                {item.permissions.reopen && (
                  <Button danger loading={saving} onClick={() => decide('reopen')} data-testid="rectification-reopen">
                    {t('rectification.reopen')}
                  </Button>
                )}
              </Space>
            </Flex>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
