import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useEvaluationWrites } from '../../../api/evaluation-queries.ts';
import type { Goal } from '../../../api/types.ts';
import { useWrite } from '../../../components/use-write.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { TabProps } from '../tab-props.ts';

interface Values {
  code?: string;
  text: string;
  summary?: string | null;
}

/** 绩效目标: the goals set with the budget; indicators may point at one. */
export function GoalsTab({ evaluation }: TabProps) {
  const { t } = useI18n();
  const { write: save, saving } = useWrite();
  const { addGoal, updateGoal, deleteGoal } = useEvaluationWrites(evaluation.id);
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
          ? addGoal.mutateAsync(body)
          : updateGoal.mutateAsync({ goalId: target.id, body: { ...body, version: target.version } }),
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
                        onConfirm={() => save(() => deleteGoal.mutateAsync(goal), { success: t('common.deleted') })}
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
