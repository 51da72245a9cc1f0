import { describe, expect, it } from 'vitest';
import { CONTROL_RULES } from './control/config.ts';
import { computeMetric, DEFAULT_LEDGER_OPTIONS, LEDGER_METRICS } from './control/ledger.ts';
import { ruleRef } from './monitoring/lights.ts';
import type { MonitoringRuleCode } from './monitoring/model.ts';
import { DEFAULT_RULE_SETS } from './monitoring/rule-set.ts';
import { RESULT_BASIS, RESULT_TREATMENTS, treatmentRule } from './results/model.ts';
import { DEFAULT_MANAGEMENT_CATALOGUE } from './scoring/management-catalogue.ts';
import { RULES } from './scoring/rules.ts';
import { SCHEMES } from './scoring/scheme.ts';

/**
 * What users read as a rule's basis (beside a score, a refusal, a ledger figure, in the report) names an
 * official document or a practice in plain Chinese: never a file of ours, a section sign, a research
 * note's confidence tag or an English identifier.
 */
const INTERNAL = /\.md\b|§|\[(S|U|I)\b|S-code|[a-z]{3,}/;

const emptyLedger = { fiscalYear: 2024, lines: [], payments: [], plans: [], adjustments: [], procurements: [] };

const shown: [string, string][] = [
  ...Object.entries(RULES).map(([id, rule]): [string, string] => [`RULES.${id}`, rule.source]),
  ...Object.entries(CONTROL_RULES).map(([code, text]): [string, string] => [code, text]),
  ...DEFAULT_MANAGEMENT_CATALOGUE.map((item): [string, string] => [`management.${item.code}`, item.source]),
  ...Object.values(SCHEMES).map((scheme): [string, string] => [`scheme.${scheme.id}`, scheme.source]),
  ...LEDGER_METRICS.map((metric): [string, string] => [
    `ledger.${metric}`,
    computeMetric(metric, emptyLedger, { ...DEFAULT_LEDGER_OPTIONS, asOf: '2024-12-31' }).source,
  ]),
  ['results.basis', RESULT_BASIS],
  ...RESULT_TREATMENTS.map((treatment): [string, string] => [`results.${treatment}`, treatmentRule(treatment, 10)]),
  ...(
    ['MON_BUDGET_RATIO', 'MON_BUDGET_MILESTONE', 'MON_INDICATOR_POSITIVE', 'MON_INDICATOR_REVERSE', 'MON_INDICATOR_QUALITATIVE'] as const
  ).flatMap((code: MonitoringRuleCode): [string, string][] => [
    [`monitoring.${code}`, ruleRef(code, DEFAULT_RULE_SETS.ratio).source],
    [`monitoring.${code}.saved`, ruleRef(code, { ...DEFAULT_RULE_SETS.milestones, region: '440113', year: 2026, version: 2 }).source],
  ]),
];

describe('sources shown to users', () => {
  it.each(shown)('%s speaks plain Chinese', (_where, text) => {
    expect(text).not.toMatch(INTERNAL);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
  });
});
