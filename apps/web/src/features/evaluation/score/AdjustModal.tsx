import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect } from 'react';
import { useEvaluationWrites } from '../../../api/evaluation-queries.ts';
import type { Indicator, ScoredItem } from '../../../api/types.ts';
import { DecimalInput } from '../../../components/DecimalInput.tsx';
import { pointsRule } from '../../../components/form-rules.ts';
import { useWrite } from '../../../components/use-write.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

interface Props {
  readonly evaluationId: string;
  readonly target: { indicator: Indicator; item: ScoredItem } | null;
  readonly onClose: () => void;
}

/** 评价人调整: a reviewer sets an indicator's score, and must say why; the computed score stays visible. */
export function AdjustModal({ evaluationId, target, onClose }: Props) {
  const { t } = useI18n();
  const { write, saving } = useWrite();
  const { adjust } = useEvaluationWrites(evaluationId);
  const [form] = Form.useForm<{ score: string | null; reason: string }>();

  // The form starts from the stored adjustment (or the computed score) of this indicator version.
  const formKey = target ? `${target.indicator.id}:${target.indicator.version}` : null;
  const initialScore = target ? (target.indicator.adjustment?.score ?? target.item.final) : null;
  const initialReason = target?.indicator.adjustment?.reason ?? '';
  useEffect(() => {
    if (formKey !== null) form.setFieldsValue({ score: initialScore, reason: initialReason });
  }, [formKey, initialScore, initialReason, form]);

  const run = async (score: string | null, reason: string | null) => {
    if (!target) return;
    const { indicator } = target;
    const ok = await write(() => adjust.mutateAsync({ indicatorId: indicator.id, body: { version: indicator.version, score, reason } }), {
      form,
    });
    if (ok) onClose();
  };

  return (
    <Modal
      open={target !== null}
      title={target ? t('adjust.title', { name: target.item.name }) : ''}
      onCancel={onClose}
      forceRender
      footer={
        <Space>
          {target?.indicator.adjustment && (
            <Button danger loading={saving} onClick={() => void run(null, null)} data-testid="adjust-remove">
              {t('adjust.remove')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="adjust-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {target && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('adjust.computed', { computed: target.item.computed ?? '—', weight: target.item.weight ?? '—' })}
          description={<span className="wrap-text">{target.item.explanation.text}</span>}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(values) => void run(values.score, values.reason.trim())}>
        <Form.Item
          name="score"
          label={t('adjust.score')}
          rules={[
            { required: true, message: t('validation.points') },
            pointsRule(t('adjust.scoreRange', { weight: target?.item.weight ?? '—' }), target?.item.weight),
          ]}
        >
          <DecimalInput data-testid="adjust-score-input" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('adjust.reason')}
          rules={[{ required: true, whitespace: true, message: t('adjust.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="adjust-reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
