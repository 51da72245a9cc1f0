import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, InputNumber, Modal, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAdminWrites, useFiscalYears } from '../../api/admin-queries.ts';
import type { FiscalYearItem } from '../../api/types.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../lib/dates.ts';

interface Values {
  year: number;
  status: 'open' | 'closed';
  submitDeadline: Dayjs | null;
  reviewDeadline: Dayjs | null;
  financeDeadline: Dayjs | null;
}

const day = (value: string | null) => (value ? dayjs(value) : null);
const iso = (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null);

/** 年度: fiscal years with their three deadlines (单位提交, 部门审核, 财政复核), open or closed. */
export function FiscalYearsPanel() {
  const { t } = useI18n();
  const years = useFiscalYears();
  const { write: save, saving } = useWrite();
  const { createFiscalYear, updateFiscalYear } = useAdminWrites();
  const [editing, setEditing] = useState<FiscalYearItem | 'new' | null>(null);
  const [form] = Form.useForm<Values>();

  const open = (year: FiscalYearItem | 'new') => {
    form.setFieldsValue(
      year === 'new'
        ? { year: new Date().getFullYear(), status: 'open', submitDeadline: null, reviewDeadline: null, financeDeadline: null }
        : {
            year: year.year,
            status: year.status,
            submitDeadline: day(year.submitDeadline),
            reviewDeadline: day(year.reviewDeadline),
            financeDeadline: day(year.financeDeadline),
          },
    );
    setEditing(year);
  };

  const submit = async (values: Values) => {
    const deadlines = {
      submitDeadline: iso(values.submitDeadline),
      reviewDeadline: iso(values.reviewDeadline),
      financeDeadline: iso(values.financeDeadline),
    };
    const target = editing;
    const ok =
      target === 'new'
        ? await save(() => createFiscalYear.mutateAsync({ year: values.year, ...deadlines }), { form })
        : target
          ? await save(
              () =>
                updateFiscalYear.mutateAsync({ year: target.year, body: { ...deadlines, status: values.status, version: target.version } }),
              { form },
            )
          : false;
    if (ok) setEditing(null);
  };

  if (years.error) return <ApiErrorAlert error={years.error} onRetry={() => void years.refetch()} />;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }}>
        {t('year.create')}
      </Button>
      <Table<FiscalYearItem>
        rowKey="year"
        size="small"
        loading={years.isFetching}
        dataSource={years.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('year.year'), dataIndex: 'year', width: 90 },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 90,
            render: (status: FiscalYearItem['status']) => (
              <Tag color={status === 'open' ? 'success' : 'default'}>{t(`yearStatus.${status}`)}</Tag>
            ),
          },
          { title: t('year.submitDeadline'), dataIndex: 'submitDeadline', render: formatDate },
          { title: t('year.reviewDeadline'), dataIndex: 'reviewDeadline', render: formatDate },
          { title: t('year.financeDeadline'), dataIndex: 'financeDeadline', render: formatDate },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_value, year) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => open(year)} aria-label={t('common.edit')} />
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('year.create') : t('year.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        forceRender
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="year" label={t('year.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} disabled={editing !== 'new'} style={{ width: '100%' }} />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="status" label={t('common.status')}>
              <Select
                options={[
                  { value: 'open', label: t('yearStatus.open') },
                  { value: 'closed', label: t('yearStatus.closed') },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item name="submitDeadline" label={t('year.submitDeadline')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reviewDeadline" label={t('year.reviewDeadline')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="financeDeadline" label={t('year.financeDeadline')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
