import type { FollowUp } from '@jixiao/contract';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  Radio,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { changesOf } from '../../../api/control-cache.ts';
import { useGrant } from '../../../api/control-queries.ts';
import { subsidyApi } from '../../../api/endpoints.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { Money } from '../../../components/Money.tsx';
import { useSave } from '../../../components/use-save.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { chinaToday, formatDate } from '../../../lib/dates.ts';
import { ControlStatusTag } from '../shared/ControlStatusTag.tsx';

interface ResultValues {
  result: 'normal' | 'abnormal';
  abnormalOperation: boolean;
  finding: string;
  performedOn: Dayjs;
}

/**
 * A subsidy grant with what has been paid and its 事后跟踪检查: each check due on a date, done or
 * overdue, normal or not, and whether the enterprise was found listed for 经营异常 — the weak
 * follow-up after payment that the reference report admits to.
 */
export function GrantDrawer({ grantId, onClose }: { grantId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const detail = useGrant(grantId);
  const grant = detail.data;
  const { save, saving } = useSave(changesOf.followUp());
  const [recording, setRecording] = useState<FollowUp | null>(null);
  const [scheduleOn, setScheduleOn] = useState<Dayjs | null>(null);
  const [form] = Form.useForm<ResultValues>();
  const canCheck = grant?.permissions.followUp ?? false;

  useEffect(() => {
    if (!grantId) return;
    setRecording(null);
    setScheduleOn(null);
  }, [grantId]);

  useEffect(() => {
    if (recording) form.setFieldsValue({ result: 'normal', abnormalOperation: false, finding: '', performedOn: dayjs(chinaToday()) });
  }, [recording, form]);

  const record = async (values: ResultValues) => {
    if (!recording) return;
    const ok = await save(
      () =>
        subsidyApi.recordFollowUp(recording.id, {
          version: recording.version,
          result: values.result,
          abnormalOperation: values.abnormalOperation,
          finding: values.finding.trim() || null,
          performedOn: values.performedOn.format('YYYY-MM-DD'),
        }),
      { form, success: t('followUp.recorded') },
    );
    if (ok) setRecording(null);
  };

  return (
    <Drawer
      open={grantId !== null}
      onClose={onClose}
      size={screens.md ? 820 : '100%'}
      title={grant ? `${grant.recipientName} · ${grant.programme}` : t('nav.controlSubsidies')}
      data-testid="grant-drawer"
    >
      {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.refetch} />}
      {!grant && !detail.error && <Skeleton active />}
      {grant && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {grant.followUpCounts.abnormalOperation > 0 && <Alert type="error" showIcon title={t('followUp.abnormalOperationAlert')} />}
          {grant.followUpCounts.overdue > 0 && (
            <Alert type="warning" showIcon title={t('followUp.overdueAlert', { count: grant.followUpCounts.overdue })} />
          )}
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'recipient', label: t('grant.recipient'), children: grant.recipientName },
              { key: 'uscc', label: t('recipient.uscc'), children: grant.recipientUscc },
              { key: 'line', label: t('line.name'), children: `${grant.budgetLineCode} ${grant.budgetLineName}` },
              { key: 'amount', label: t('grant.amount'), children: <Money value={grant.amount} /> },
              { key: 'paid', label: t('line.paid'), children: <Money value={grant.paid} /> },
              { key: 'committed', label: t('line.committed'), children: <Money value={grant.committed} /> },
              { key: 'awarded', label: t('grant.awardedOn'), children: formatDate(grant.awardedOn) },
              { key: 'due', label: t('grant.dueOn'), children: formatDate(grant.dueOn) },
              {
                key: 'conditions',
                label: t('grant.conditionsLabel'),
                span: 'filled',
                children: <span className="wrap-text">{grant.conditions ?? '—'}</span>,
              },
            ]}
          />
          <Typography.Text strong>{t('followUp.title')}</Typography.Text>
          <Table<FollowUp>
            size="small"
            rowKey="id"
            dataSource={[...grant.followUps]}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{ emptyText: t('followUp.none') }}
            columns={[
              { title: t('followUp.dueOn'), dataIndex: 'dueOn', width: 110, render: formatDate },
              {
                title: t('followUp.result'),
                key: 'result',
                width: 190,
                render: (_value, followUp) => (
                  <Space size={4} wrap>
                    <ControlStatusTag status={followUp.result} label={t(`followUpResult.${followUp.result}`)} />
                    {followUp.overdue && <Tag color="error">{t('followUp.overdue')}</Tag>}
                    {followUp.abnormalOperation && <Tag color="volcano">{t('followUp.abnormalOperation')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('followUp.performed'),
                key: 'performed',
                width: 180,
                render: (_value, followUp) =>
                  followUp.performedOn ? `${followUp.performedByName ?? ''} · ${formatDate(followUp.performedOn)}` : '—',
              },
              {
                title: t('followUp.finding'),
                dataIndex: 'finding',
                render: (value: string | null) => <span className="wrap-text">{value ?? ''}</span>,
              },
              ...(canCheck
                ? [
                    {
                      title: '',
                      key: 'record',
                      width: 90,
                      render: (_value: unknown, followUp: FollowUp) =>
                        followUp.result === 'pending' ? (
                          <Button
                            size="small"
                            type="primary"
                            onClick={() => setRecording(followUp)}
                            data-testid={`follow-up-record-${followUp.id}`}
                          >
                            {t('followUp.record')}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
          {recording && (
            <Card size="small" title={t('followUp.recordTitle', { date: formatDate(recording.dueOn) })}>
              <Form<ResultValues> form={form} layout="vertical" onFinish={(values) => void record(values)}>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="result" label={t('followUp.result')} rules={[{ required: true }]}>
                      <Radio.Group
                        optionType="button"
                        options={[
                          { value: 'normal', label: t('followUpResult.normal') },
                          { value: 'abnormal', label: t('followUpResult.abnormal') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="performedOn" label={t('followUp.performedOn')} rules={[{ required: true }]}>
                      <DatePicker allowClear={false} disabledDate={(date) => date.format('YYYY-MM-DD') > chinaToday()} />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item name="abnormalOperation" valuePropName="checked">
                      <Checkbox>{t('followUp.abnormalOperationCheck')}</Checkbox>
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item name="finding" label={t('followUp.finding')} rules={[{ max: 2000 }]}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
                    </Form.Item>
                  </Col>
                </Row>
                <Space>
                  <Button type="primary" htmlType="submit" loading={saving}>
                    {t('common.save')}
                  </Button>
                  <Button onClick={() => setRecording(null)}>{t('common.cancel')}</Button>
                </Space>
              </Form>
            </Card>
          )}
          {canCheck && (
            <Space wrap>
              <DatePicker value={scheduleOn} onChange={setScheduleOn} placeholder={t('followUp.dueOn')} />
              <Button
                disabled={!scheduleOn}
                loading={saving}
                onClick={() =>
                  scheduleOn &&
                  void save(() => subsidyApi.scheduleFollowUp(grant.id, { dueOn: scheduleOn.format('YYYY-MM-DD') }), {
                    success: t('followUp.scheduled'),
                  }).then((ok) => ok && setScheduleOn(null))
                }
                data-testid="follow-up-schedule"
              >
                {t('followUp.schedule')}
              </Button>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}
