import { Alert, Card, Typography } from 'antd';
import { useReviewQueue, useTasks } from '../../api/evaluation-queries.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { EvaluationTable } from '../evaluations/EvaluationTable.tsx';

/** 审核: the evaluations waiting for this reviewer (部门审核: submitted; 财政复核: department-approved), oldest change first. */
export default function ReviewsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const statuses = session?.access.reviewStatuses ?? [];
  const queue = useReviewQueue(statuses);
  // Deadlines come from the tasks; without that endpoint the queue still works.
  const tasks = useTasks();
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
          <ApiErrorAlert error={queue.error} onRetry={queue.refetch} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('reviews.intro', { statuses: statuses.map((status) => t(`status.${status}`)).join('、') })}
            </Typography.Paragraph>
            <EvaluationTable items={queue.items} loading={queue.isFetching} deadlineOf={(id) => deadlines.get(id)} />
          </>
        )}
      </Card>
    </div>
  );
}
