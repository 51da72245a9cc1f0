import { CheckOutlined, GlobalOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useEvaluationWrites } from '../../api/evaluation-queries.ts';
import type { EvaluationDetail, WorkflowAction } from '../../api/types.ts';
import { useReportError } from '../../components/use-report-error.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isEvaluationStatus } from '../../lib/status.ts';

const ICON: Readonly<Record<WorkflowAction, ReactNode>> = {
  submit: <SendOutlined />,
  approve: <CheckOutlined />,
  return: <RollbackOutlined />,
  publish: <GlobalOutlined />,
};

/**
 * The workflow buttons the server allows this user now (permissions). A return needs a comment
 * saying what to fix. Every step sends the revision the user is looking at: if the evaluation has
 * changed meanwhile, the server refuses and the evaluation is read again.
 */
export function WorkflowActions({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const reportError = useReportError();
  const { transition } = useEvaluationWrites(evaluation.id);
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  const permissions = evaluation.permissions;
  const allowed = (['submit', 'approve', 'return', 'publish'] as const).filter((action) => permissions[action]);
  if (allowed.length === 0) return null;

  const run = async (action: WorkflowAction, comment?: string) => {
    setBusy(action);
    try {
      const result = await transition.mutateAsync({ action, comment, revision: evaluation.revision });
      message.success(
        t('workflow.done', {
          action: t(`action.${action}`),
          status: isEvaluationStatus(result.status) ? t(`status.${result.status}`) : result.statusLabel,
        }),
      );
      if (action === 'return') {
        setReturning(false);
        form.resetFields();
      }
    } catch (error) {
      reportError(error, { form: action === 'return' ? form : undefined });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space wrap style={{ marginTop: 12 }}>
        {allowed.map((action) => (
          <Button
            key={action}
            type={action === 'return' ? 'default' : 'primary'}
            danger={action === 'return'}
            icon={ICON[action]}
            loading={busy === action}
            disabled={busy !== null && busy !== action}
            onClick={() => (action === 'return' ? setReturning(true) : void run(action))}
            data-testid={`action-${action}`}
          >
            {t(`action.${action}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={returning}
        forceRender
        title={t('workflow.returnTitle')}
        onCancel={() => setReturning(false)}
        footer={[
          <Button key="cancel" onClick={() => setReturning(false)}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="confirm"
            type="primary"
            danger
            loading={busy === 'return'}
            onClick={() => form.submit()}
            data-testid="comment-confirm"
          >
            {t('action.return')}
          </Button>,
        ]}
      >
        <Form form={form} layout="vertical" onFinish={(values) => void run('return', values.comment.trim())}>
          <Form.Item
            name="comment"
            label={t('workflow.returnComment')}
            rules={[{ required: true, whitespace: true, message: t('workflow.commentRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={5} showCount maxLength={2000} placeholder={t('workflow.returnPlaceholder')} data-testid="comment-input" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
