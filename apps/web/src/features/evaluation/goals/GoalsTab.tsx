import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { evaluationApi } from '../../../api/endpoints.ts';
import type { Goal } from '../../../api/types.ts';
import { useSave } from '../../../components/use-save.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { TabProps } from '../tab-props.ts';

interface Values {
  code?: string;
  text: string;
  summary?: string | null;
}

/** 绩效目标: the goals set with the budget; indicators may point at one. */
export function GoalsTab({ evaluation, refresh }: TabProps) {
  const { t } = useI18n();
  const { save, saving } = useSave(refresh);
  const [editing, setEditing] = useState<Goal | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const canEdit = evaluation.permissions.edit;

  const open = (goal: Goal | 'new') => {
    form.setFieldsValue(
      goal === 'new' ? { code: undefined, text: '', summary: null } : { code: goal.code, text: goal.text, summary: goal.summary },
    );
    setEditing(goal);
  };

  const submit = async (values: Values) => {
    const body = { code: values.code?.trim() || undefined, text: values.text.trim(), summary: values.summary?.trim() || null };
    const target = editing;
    const ok = await save(
      () =>
        target === 'new' || target === null
          ? evaluationApi.addGoal(evaluation.id, body)
          : evaluationApi.updateGoal(target.id, { ...body, version: target.version }),
      { form },
    );
    if (ok) setEditing(null);
  };

  return (
    <>
      {canEdit && (
        <Button icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }} data-testid="goal-add">
          {t('goal.add')}
        </Button>
      )}
      <Table<Goal>
        rowKey="id"
        size="small"
        dataSource={evaluation.goals}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('goal.code'), dataIndex: 'code', width: 80 },
          { title: t('goal.text'), dataIndex: 'text', render: (text: string) => <span className="wrap-text">{text}</span> },
          { title: t('goal.summary'), dataIndex: 'summary', width: 220, render: (summary: string | null) => summary ?? '—' },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 110,
                  render: (_value: unknown, goal: Goal) => (
                    <Space>
                      <Button size="small" icon={<EditOutlined />} onClick={() => open(goal)} aria-label={t('common.edit')} />
                      <Popconfirm
                        title={t('goal.deleteConfirm')}
                        onConfirm={() => save(() => evaluationApi.deleteGoal(goal.id, goal.version), { success: t('common.deleted') })}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('goal.add') : t('goal.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        forceRender
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="code" label={t('goal.code')} extra={t('goal.codeHint')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="text" label={t('goal.text')} rules={[{ required: true, whitespace: true, message: t('goal.textRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="summary" label={t('goal.summary')} extra={t('goal.summaryHint')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
