import { LEVEL2_LABEL } from '../model.ts';
import { formatPoints } from '../numbers/points.ts';
import type { Evaluation } from './evaluation.ts';
import { STATUS_LABEL } from './evaluation.ts';
import { RULES } from './rules.ts';

/**
 * An evaluation as JSON for the CLI and the API: points travel as decimal strings ("99.52"), like
 * money, so no consumer ever sees a float. Every item keeps its rule, source, inputs and arithmetic.
 */
export function presentEvaluation(evaluation: Evaluation) {
  const points = (value: number | null) => (value === null ? null : formatPoints(value));
  return {
    scheme: evaluation.scheme,
    total: { computed: points(evaluation.total.computed), final: points(evaluation.total.final) },
    raw: { computed: points(evaluation.raw.computed), final: points(evaluation.raw.final) },
    totalWeight: points(evaluation.totalWeight),
    notApplicableWeight: points(evaluation.notApplicableWeight),
    grade: {
      computed: evaluation.grade.computed,
      final: evaluation.grade.final,
      explanation: evaluation.grade.explanation.text,
    },
    totalExplanation: evaluation.totalExplanation.text,
    parts: evaluation.parts.map((part) => ({
      key: part.key,
      label: part.label,
      weight: points(part.weight),
      notApplicableWeight: points(part.notApplicableWeight),
      computed: points(part.computed),
      final: points(part.final),
      count: part.count,
    })),
    items: evaluation.items.map((item) => ({
      kind: item.kind,
      id: item.id,
      name: item.name,
      part: item.part,
      level2: item.level2 ?? null,
      level2Label: item.level2 ? LEVEL2_LABEL[item.level2] : null,
      goalId: item.goalId ?? null,
      target: item.target ?? null,
      adjustedTarget: item.adjustedTarget ?? null,
      actual: item.actual ?? null,
      completionPercent: item.completionPercent ?? null,
      status: item.status,
      statusLabel: STATUS_LABEL[item.status],
      weight: points(item.weight),
      computed: points(item.computed),
      final: points(item.final),
      deviationReason: item.deviationReason ?? null,
      adjustment: item.adjustment ? { score: formatPoints(item.adjustment.score), reason: item.adjustment.reason } : null,
      explanation: {
        rule: item.explanation.rule,
        ruleTitle: RULES[item.explanation.rule].title,
        source: item.explanation.source,
        inputs: item.explanation.inputs,
        text: item.explanation.text,
      },
      adjustmentExplanation: item.adjustmentExplanation?.text ?? null,
      isCore: item.isCore ?? false,
      illustrative: item.illustrative ?? false,
    })),
    findings: evaluation.findings,
  };
}

export type PresentedEvaluation = ReturnType<typeof presentEvaluation>;
