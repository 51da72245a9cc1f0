import { Alert, Card, Flex, Skeleton, Tabs, type TabsProps } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BudgetTab } from './budget/BudgetTab.tsx';
import { EvaluationHeader } from './EvaluationHeader.tsx';
import { GoalsTab } from './goals/GoalsTab.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { IndicatorsTab } from './indicators/IndicatorsTab.tsx';
import { ManagementTab } from './management/ManagementTab.tsx';
import { ReportTab } from './report/ReportTab.tsx';
import { RollupTab } from './rollup/RollupTab.tsx';
import { ScoreTab } from './score/ScoreTab.tsx';
import { useEvaluation } from './use-evaluation.ts';
import { WorkbookTab } from './workbook/WorkbookTab.tsx';

const TABS = ['goals', 'indicators', 'management', 'budget', 'score', 'rollup', 'report', 'workbook', 'history'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey => (TABS as readonly (string | null)[]).includes(value);

/** 自评: one evaluation with its workflow, and a tab per part of the work (the tab is in the URL). */
export default function EvaluationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const { detail, score } = useEvaluation(id);
  const requested = search.get('tab');
  const evaluation = detail.data;

  if (!evaluation) {
    return detail.error ? <ApiErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : <Skeleton active />;
  }
  const tab: TabKey =
    isTab(requested) && ((requested !== 'management' && requested !== 'rollup') || evaluation.kind === 'department')
      ? requested
      : 'indicators';
  const props = { evaluation, score };
  const items: TabsProps['items'] = [
    { key: 'goals', label: t('tab.goals'), children: <GoalsTab {...props} /> },
    { key: 'indicators', label: t('tab.indicators'), children: <IndicatorsTab {...props} /> },
    ...(evaluation.kind === 'department'
      ? [{ key: 'management', label: t('tab.management'), children: <ManagementTab {...props} /> }]
      : []),
    { key: 'budget', label: t('tab.budget'), children: <BudgetTab {...props} /> },
    { key: 'score', label: t('tab.score'), children: <ScoreTab {...props} /> },
    ...(evaluation.kind === 'department'
      ? [{ key: 'rollup', label: t('tab.rollup'), children: <RollupTab evaluationId={evaluation.id} /> }]
      : []),
    { key: 'report', label: t('tab.report'), children: <ReportTab evaluation={evaluation} /> },
    { key: 'workbook', label: t('tab.workbook'), children: <WorkbookTab evaluation={evaluation} /> },
    { key: 'history', label: t('tab.history'), children: <HistoryTimeline transitions={evaluation.transitions} /> },
  ].map((item) => ({ ...item, label: <span data-testid={`tab-${item.key}`}>{item.label}</span> }));

  return (
    <Flex vertical gap={16} className="page-stack">
      <EvaluationHeader evaluation={evaluation} score={score.data} />
      {evaluation.declaration && (
        // What was declared and approved; a mid-year adjustment (a later version) will show here as adjusted.
        <Alert
          type="info"
          showIcon
          data-testid="evaluation-declaration"
          message={
            <Link to={`/declarations/${evaluation.declaration.id}`}>
              {t('declaration.fromDeclaration', { version: evaluation.declaration.version })}
            </Link>
          }
        />
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          items={items}
          destroyOnHidden
          onChange={(key) => {
            const next = new URLSearchParams(search);
            next.set('tab', key);
            setSearch(next, { replace: true });
          }}
        />
      </Card>
    </Flex>
  );
}
