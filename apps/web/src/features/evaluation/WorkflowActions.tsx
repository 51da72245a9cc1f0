import { CheckOutlined, GlobalOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useEvaluationWrites } from '../../api/evaluation-queries.ts';
import type { EvaluationDetail, WorkflowAction } from '../../api/types.ts';
import { useReportError } from '../../components/use-report-error.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isEvaluationStatus } from '../../lib/status.ts';

type Step = WorkflowAction | 'withdraw';

const ICON: Readonly<Record<Step, ReactNode>> = {
  submit: <SendOutlined />,
  approve: <CheckOutlined />,
  return: <RollbackOutlined />,
  publish: <GlobalOutlined />,
  withdraw: <StopOutlined />,
};

/** A return and a withdrawal must say why; the other steps take an opinion if the reviewer has one. */
const NEEDS_TEXT: ReadonlySet<Step> = new Set(['return', 'withdraw']);

/**
 * The workflow buttons the server allows this user now (permissions). Every step is confirmed in a
 * dialog that says what it does, with a place for the opinion (审核意见); a return needs one saying what
 * to fix, a withdrawal of the publication its reason. Every step sends the revision the user is looking
 * at: if the evaluation has changed meanwhile, the server refuses and the evaluation is read again.
 */
export function WorkflowActions({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const reportError = useReportError();
  const { transition, withdrawPublication } = useEvaluationWrites(evaluation.id);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Step | null>(null);
  const [form] = Form.useForm<{ comment?: string }>();
  const permissions = evaluation.permissions;
  const allowed = (['submit', 'approve', 'return', 'publish', 'withdraw'] as const).filter((action) => permissions[action]);
  if (allowed.length === 0) return null;

  const close = () => {
    setPending(null);
    form.resetFields();
  };
  const run = async (step: Step, comment: string | undefined) => {
    setBusy(true);
    try {
      const result =
        step === 'withdraw'
          ? await withdrawPublication.mutateAsync({ reason: comment ?? '', revision: evaluation.revision })
          : await transition.mutateAsync({ action: step, comment: comment || undefined, revision: evaluation.revision });
      message.success(
        t('workflow.done', {
          action: t(`action.${step}`),
          status: isEvaluationStatus(result.status) ? t(`status.${result.status}`) : result.statusLabel,
        }),
      );
      close();
    } catch (error) {
      reportError(error, { form });
    } finally {
      setBusy(false);
    }
  };
  const required = pending !== null && NEEDS_TEXT.has(pending);

  return (
    <>
      <Space wrap style={{ marginTop: 12 }}>
        {allowed.map((action) => (
          <Button
            key={action}
            type={NEEDS_TEXT.has(action) ? 'default' : 'primary'}
            danger={NEEDS_TEXT.has(action)}
            icon={ICON[action]}
            disabled={busy}
            onClick={() => setPending(action)}
            data-testid={`action-${action}`}
          >
            {t(`action.${action}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={pending !== null}
        forceRender
        title={pending ? t(`workflow.confirmTitle.${pending}`) : ''}
        onCancel={close}
        footer={[
          <Button key="cancel" onClick={close}>
            {t('common.cancel')}
          </Button>,
          <Button key="confirm" type="primary" danger={required} loading={busy} onClick={() => form.submit()} data-testid="comment-confirm">
            {pending ? t(`action.${pending}`) : ''}
          </Button>,
        ]}
      >
        {pending && <Typography.Paragraph>{t(`workflow.confirmText.${pending}`)}</Typography.Paragraph>}
        <Form form={form} layout="vertical" onFinish={(values) => pending && void run(pending, values.comment?.trim())}>
          <Form.Item
            name="comment"
            label={pending ? t(`workflow.commentLabel.${pending}`) : ''}
            rules={[{ required, whitespace: required, message: t('workflow.commentRequired') }, { max: 2000 }]}
          >
            <Input.TextArea
              rows={4}
              showCount
              maxLength={2000}
              placeholder={pending === 'return' ? t('workflow.returnPlaceholder') : undefined}
              data-testid="comment-input"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
