import { Alert, Button, Card, Descriptions, Flex, Statistic, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { EvaluationDetail, ScoreResponse } from '../../api/types.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { gradeLabel } from '../../lib/labels.ts';
import { WorkflowActions } from './WorkflowActions.tsx';

interface Props {
  readonly evaluation: EvaluationDetail;
  readonly score: ScoreResponse | undefined;
}

/** Who, which year, where it stands (status, total, grade) and what the user may do next. */
export function EvaluationHeader({ evaluation, score }: Props) {
  const { t } = useI18n();
  const { session } = useSession();
  const title = evaluation.projectName ?? evaluation.organisationName;
  const lastReturn =
    evaluation.status === 'returned' ? evaluation.transitions.filter((entry) => entry.action === 'return').at(-1) : undefined;
  const blocking = score?.findings.some((finding) => finding.blocking) ?? false;

  return (
    <Card size="small">
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 8 }}>
            {title}
            <Typography.Text type="secondary" style={{ fontSize: 16, marginInlineStart: 12 }}>
              {t('common.year', { year: evaluation.fiscalYear })} · {t(`kind.${evaluation.kind}`)}
            </Typography.Text>
            {(session?.access.issueRectificationIn.length ?? 0) > 0 && (
              <Link
                to={`/rectifications?evaluation=${encodeURIComponent(evaluation.id)}&organisation=${encodeURIComponent(evaluation.organisationId)}`}
                style={{ marginInlineStart: 12 }}
              >
                <Button size="small" data-testid="evaluation-start-rectification">
                  {t('rectification.fromEvaluation')}
                </Button>
              </Link>
            )}
          </Typography.Title>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'status', label: t('common.status'), children: <StatusTag status={evaluation.status} /> },
              { key: 'organisation', label: t('evaluation.organisation'), children: evaluation.organisationName },
              { key: 'scheme', label: t('evaluation.scheme'), children: t(`scheme.${evaluation.schemeId}`) },
              ...(evaluation.category ? [{ key: 'category', label: t('evaluation.category'), children: evaluation.category }] : []),
              { key: 'preparedBy', label: t('evaluation.preparer'), children: evaluation.preparerName ?? '—' },
              { key: 'updated', label: t('evaluation.updatedAt'), children: formatDateTime(evaluation.updatedAt) },
            ]}
          />
        </div>
        <Flex gap={24} align="center" wrap>
          <Tooltip title={blocking ? t('score.blocking') : score?.totalExplanation}>
            <Statistic
              title={t('evaluation.total')}
              value={evaluation.total ?? (blocking ? '—' : t('score.unscored'))}
              suffix={evaluation.total ? t('score.points') : undefined}
              valueRender={(node) => <span data-testid="score-total">{node}</span>}
            />
          </Tooltip>
          <Statistic title={t('evaluation.grade')} value={gradeLabel(t, evaluation.grade)} />
          <Flex vertical gap={4}>
            <Tag color={evaluation.errorCount ? 'error' : 'default'}>{t('evaluation.errors', { count: evaluation.errorCount })}</Tag>
            <Tag color={evaluation.warningCount ? 'warning' : 'default'}>
              {t('evaluation.warnings', { count: evaluation.warningCount })}
            </Tag>
          </Flex>
        </Flex>
      </Flex>
      {lastReturn?.comment && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('workflow.returnedBy', { name: lastReturn.actorName, at: formatDateTime(lastReturn.at) })}
          description={<span className="wrap-text">{lastReturn.comment}</span>}
          data-testid="return-comment"
        />
      )}
      {evaluation.permissions.refusal && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={evaluation.permissions.refusal} data-testid="workflow-refusal" />
      )}
      <WorkflowActions evaluation={evaluation} />
    </Card>
  );
}
