import type { SurveyResults } from '@jixiao/contract';
import { Button, Card, Descriptions, Space } from 'antd';
import { useMemo } from 'react';
import { surveyApi, useSurveyResults } from '../../api/survey-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { EChart } from '../../components/EChart.tsx';
import type { ChartOption } from '../../components/echarts.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

function QuestionChart({ question }: { question: SurveyResults['questions'][number] }) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 96, right: 24, top: 8, bottom: 24 },
      tooltip: {},
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: question.counts.map((entry) => entry.label) },
      series: [{ type: 'bar', data: question.counts.map((entry) => entry.count), itemStyle: { color: '#1f4e99' } }],
    }),
    [question],
  );
  return <EChart option={option} height={Math.max(140, question.counts.length * 32 + 40)} label={question.text} />;
}

/** 结果: 满意度, 满意率, valid sample and margin, per-question charts and the response timeline. */
export function SurveyResultsView({ surveyId }: { surveyId: string }) {
  const { t } = useI18n();
  const results = useSurveyResults(surveyId);
  const data = results.data;
  const timeline = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: (data?.timeline ?? []).map((entry) => entry.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', data: (data?.timeline ?? []).map((entry) => entry.count) }],
    }),
    [data],
  );
  if (results.error) return <ApiErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  if (!data) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} data-testid="survey-results">
        <Descriptions.Item label={t('surveys.satisfaction')}>{data.satisfaction ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.satisfiedRate')}>
          {data.satisfiedRate === null ? '—' : `${data.satisfiedRate}%`}
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.valid')}>{`${data.valid} / ${data.planned}`}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.marginReached', { confidence: data.confidence })}>
          {data.margin === null ? '—' : `±${data.margin}%`}
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.received')}>{data.received}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.excluded')}>{data.excluded}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.flagged')}>{data.flagged}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.method')}>{data.method}</Descriptions.Item>
      </Descriptions>
      <Button onClick={() => void surveyApi.exportResponses(surveyId, data.title)}>{t('surveys.export')}</Button>
      <Card size="small" title={t('surveys.timeline')}>
        <EChart option={timeline} height={200} label={t('surveys.timeline')} />
      </Card>
      <Card size="small" title={t('surveys.perQuestion')}>
        {data.questions
          .filter((question) => question.kind !== 'text')
          .map((question, index) => (
            <div key={question.questionId}>
              <strong>{`${index + 1}. ${question.text}`}</strong>
              <QuestionChart question={question} />
            </div>
          ))}
      </Card>
    </Space>
  );
}
