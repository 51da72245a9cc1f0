import type { AppliedResult } from '@jixiao/contract';
import { Alert } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatMoney } from '../../lib/money.ts';

/** The sentence for a form: last year's grade, the bureau's 结果应用 decision and the amount it set. */
export function useAppliedResultText(): (result: AppliedResult) => string {
  const { t } = useI18n();
  return (result) =>
    t('results.appliedNote', {
      year: result.fiscalYear,
      next: result.fiscalYear + 1,
      grade: t(`grade.${result.grade}`),
      total: result.total,
      treatment: t(`results.treatmentOf.${result.treatment}`),
      amount: formatMoney(result.decidedAmount),
    }) + (result.reason ? t('results.appliedReason', { reason: result.reason }) : '');
}

/**
 * 上年度评价结果应用 where next year's money is set (a declaration, a budget line): the decision the amount
 * must be checked against (中发〔2018〕34号: evaluation results are a basis for the budget).
 */
export function AppliedResultNote({ result }: { result: AppliedResult | null | undefined }) {
  const { t } = useI18n();
  const text = useAppliedResultText();
  if (!result) return null;
  return (
    <Alert
      type={result.treatment === 'reduce' || result.treatment === 'suspend' ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="applied-result"
      message={t('results.applied')}
      description={
        <>
          {text(result)}
          <br />
          {t('results.appliedCheck')}
        </>
      }
    />
  );
}
