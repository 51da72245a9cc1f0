import type { LedgerMetricView, MetricTermKey } from '@jixiao/contract';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { moneyRatioPercent } from '../../../lib/money.ts';

interface Props {
  readonly metrics: readonly LedgerMetricView[];
  readonly onDrill: (metric: LedgerMetricView, term: MetricTermKey) => void;
}

/**
 * The indicators computed from the ledger: each with its percent (as the server rounds it, two
 * decimals), the exact ratio to four decimals (so a single payment visibly moves it), the formula
 * with its figures, and the rule it follows. A click lists the records behind numerator or denominator.
 */
/** "94.00" as "94.0000": the rounded percent with two more (zero) places, to compare with the exact one. */
function morePlaces(percent: string | null, places: number): string | null {
  if (percent === null) return null;
  return percent.includes('.') ? `${percent}${'0'.repeat(places)}` : `${percent}.${'0'.repeat(places)}`;
}

export function MetricCards({ metrics, onDrill }: Props) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      {metrics.map((metric) => {
        const exact = moneyRatioPercent(metric.numerator.amount, metric.denominator.amount, 4);
        // "精确值 94.0000%" beside 94.00 % says nothing more: the exact ratio shows only where it differs.
        const precise = exact !== null && exact !== morePlaces(metric.percent, 2) ? exact : null;
        return (
          <Col key={metric.metric} xs={24} sm={12} xl={6}>
            <Card
              size="small"
              hoverable
              style={{ height: '100%' }}
              onClick={() => onDrill(metric, 'numerator')}
              data-testid={`metric-${metric.metric}`}
              title={t(`ledgerMetric.${metric.metric}`)}
            >
              <Flex align="baseline" gap={8} wrap>
                <Typography.Text strong style={{ fontSize: 26 }} className="numeric" data-testid={`metric-percent-${metric.metric}`}>
                  {metric.percent === null ? t('ledger.noValue') : `${metric.percent}%`}
                </Typography.Text>
                {precise !== null && (
                  <Typography.Text type="secondary" className="numeric" data-testid={`metric-precise-${metric.metric}`}>
                    {t('ledger.precise', { value: precise })}
                  </Typography.Text>
                )}
              </Flex>
              <Typography.Paragraph
                className="wrap-text"
                style={{ margin: '6px 0', fontSize: 12 }}
                data-testid={`metric-formula-${metric.metric}`}
              >
                {metric.formula}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px', fontSize: 12 }}>
                {metric.source}
              </Typography.Paragraph>
              {/* The links choose the term; the card's own click (numerator) must not fire as well. */}
              <Flex vertical gap={2} onClick={(event) => event.stopPropagation()}>
                <Typography.Link onClick={() => onDrill(metric, 'numerator')} data-testid={`metric-drill-${metric.metric}-numerator`}>
                  {t('ledger.numerator', { label: metric.numerator.label, count: metric.numerator.count })}
                </Typography.Link>
                <Typography.Link onClick={() => onDrill(metric, 'denominator')} data-testid={`metric-drill-${metric.metric}-denominator`}>
                  {t('ledger.denominator', { label: metric.denominator.label, count: metric.denominator.count })}
                </Typography.Link>
              </Flex>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
