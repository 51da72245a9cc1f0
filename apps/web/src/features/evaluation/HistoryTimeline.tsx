import { Empty, Timeline, Typography } from 'antd';
import type { TransitionRecord } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { isEvaluationStatus, isWorkflowAction } from '../../lib/status.ts';

const COLOR: Readonly<Record<string, string>> = { submit: 'blue', approve: 'green', return: 'red', publish: 'green' };

/** 流程记录: who moved the evaluation when, and what they said (a return's comment says what to fix). */
export function HistoryTimeline({ transitions }: { transitions: readonly TransitionRecord[] }) {
  const { t } = useI18n();
  if (transitions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;
  const statusText = (status: string) => (isEvaluationStatus(status) ? t(`status.${status}`) : status);
  const actionText = (entry: TransitionRecord) => (isWorkflowAction(entry.action) ? t(`action.${entry.action}`) : entry.actionLabel);
  return (
    <Timeline
      data-testid="history"
      items={[...transitions].reverse().map((entry) => ({
        key: entry.id,
        color: COLOR[entry.action] ?? 'gray',
        title: formatDateTime(entry.at),
        content: (
          <div>
            <Typography.Text strong>{actionText(entry)}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              · {entry.actorName} · {statusText(entry.fromStatus)} → {statusText(entry.toStatus)}
            </Typography.Text>
            {entry.comment && (
              <Typography.Paragraph
                className="wrap-text"
                type={entry.action === 'return' ? 'danger' : undefined}
                style={{ margin: '4px 0 0' }}
              >
                {entry.comment}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
