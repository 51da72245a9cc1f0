import { Alert, Card, Typography } from 'antd';
import { evaluationApi, taskApi } from '../../api/endpoints.ts';
import type { EvaluationSummary } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { reviewStatuses } from '../../lib/roles.ts';
import { EvaluationTable } from '../evaluations/EvaluationTable.tsx';

/** 审核: the evaluations waiting for this reviewer (部门审核: submitted; 财政复核: department-approved), oldest change first. */
export default function ReviewsPage() {
  const { t } = useI18n();
  const { roles } = useSession();
  const statuses = reviewStatuses(roles);
  const queue = useApi(statuses.length ? `reviews:${statuses.join(',')}` : null, async () => {
    const lists = await Promise.all(statuses.map((status) => evaluationApi.list({ status })));
    const items: EvaluationSummary[] = lists.flatMap((list) => list.items);
    return items.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  });
  // Deadlines come from the tasks; without that endpoint the queue still works.
  const tasks = useApi('tasks', taskApi.list);
  const deadlines = new Map((tasks.data?.items ?? []).map((task) => [task.evaluationId, task]));

  return (
    <div className="page-stack">
      <Typography.Title level={3} className="page-title">
        {t('nav.reviews')}
      </Typography.Title>
      <Card size="small">
        {statuses.length === 0 ? (
          <Alert type="info" showIcon title={t('reviews.notReviewer')} />
        ) : queue.error ? (
          <ApiErrorAlert error={queue.error} onRetry={queue.reload} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('reviews.intro', { statuses: statuses.map((status) => t(`status.${status}`)).join('、') })}
            </Typography.Paragraph>
            <EvaluationTable items={queue.data ?? []} loading={queue.loading} deadlineOf={(id) => deadlines.get(id)} />
          </>
        )}
      </Card>
    </div>
  );
}
