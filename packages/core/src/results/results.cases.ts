import type { Grade } from '../scoring/evaluation.ts';
import type { ResultDecision, ResultTreatment } from './model.ts';

interface SuggestionCase {
  readonly name: string;
  /** Hundredths of a point. */
  readonly total: number;
  readonly budgetFen: number;
  readonly reducePercent: number;
  readonly grade: Grade;
  readonly treatment: ResultTreatment;
  readonly suggestedFen: number;
}

export const SUGGESTION_CASES: readonly SuggestionCase[] = [
  {
    name: '100 is 优: prioritised at this year’s amount',
    total: 10000,
    budgetFen: 50_000_000,
    reducePercent: 10,
    grade: '优',
    treatment: 'prioritise',
    suggestedFen: 50_000_000,
  },
  {
    name: '90.00 is still 优 (floor inclusive)',
    total: 9000,
    budgetFen: 1_234_567,
    reducePercent: 10,
    grade: '优',
    treatment: 'prioritise',
    suggestedFen: 1_234_567,
  },
  {
    name: '89.99 is 良: maintained',
    total: 8999,
    budgetFen: 1_234_567,
    reducePercent: 10,
    grade: '良',
    treatment: 'maintain',
    suggestedFen: 1_234_567,
  },
  { name: '80.00 is 良', total: 8000, budgetFen: 100, reducePercent: 10, grade: '良', treatment: 'maintain', suggestedFen: 100 },
  {
    name: '79.99 is 中: cut by 10 %',
    total: 7999,
    budgetFen: 1_000_000,
    reducePercent: 10,
    grade: '中',
    treatment: 'reduce',
    suggestedFen: 900_000,
  },
  { name: '60.00 is 中', total: 6000, budgetFen: 1_000_000, reducePercent: 10, grade: '中', treatment: 'reduce', suggestedFen: 900_000 },
  {
    name: 'a cut of 0.5 fen rounds up to a whole fen',
    total: 7000,
    budgetFen: 5,
    reducePercent: 10,
    grade: '中',
    treatment: 'reduce',
    suggestedFen: 4,
  },
  {
    name: 'a cut of 0.4 fen rounds to none',
    total: 7000,
    budgetFen: 4,
    reducePercent: 10,
    grade: '中',
    treatment: 'reduce',
    suggestedFen: 4,
  },
  {
    name: 'an odd amount cut exactly: 1,234,567 fen × 15 % = 185,185.05 → 185,185',
    total: 7000,
    budgetFen: 1_234_567,
    reducePercent: 15,
    grade: '中',
    treatment: 'reduce',
    suggestedFen: 1_049_382,
  },
  {
    name: 'a configured 0 % cut leaves the amount',
    total: 6500,
    budgetFen: 777,
    reducePercent: 0,
    grade: '中',
    treatment: 'reduce',
    suggestedFen: 777,
  },
  {
    name: 'a configured 100 % cut leaves nothing',
    total: 6500,
    budgetFen: 777,
    reducePercent: 100,
    grade: '中',
    treatment: 'reduce',
    suggestedFen: 0,
  },
  {
    name: 'beyond 2^53 ÷ 100 the cut stays exact (bigint arithmetic)',
    total: 7000,
    budgetFen: 900_719_925_474_099,
    reducePercent: 10,
    grade: '中',
    treatment: 'reduce',
    suggestedFen: 810_647_932_926_689,
  },
  {
    name: '59.99 is 差: cancelled or suspended',
    total: 5999,
    budgetFen: 1_000_000,
    reducePercent: 10,
    grade: '差',
    treatment: 'suspend',
    suggestedFen: 0,
  },
  { name: '0 is 差', total: 0, budgetFen: 0, reducePercent: 10, grade: '差', treatment: 'suspend', suggestedFen: 0 },
];

interface DecisionCase {
  readonly name: string;
  readonly decision: ResultDecision;
  readonly decidedFen: number;
  readonly treatment: ResultTreatment;
  readonly reason: string;
  /** The fields refused, in order; empty when the decision stands. */
  readonly refused: readonly ('decision' | 'decidedFen' | 'reason')[];
}

/** Against a suggestion of 900,000 fen, 压减. */
export const DECISION_CASES: readonly DecisionCase[] = [
  { name: 'adopting the suggestion needs no reason', decision: 'adopt', decidedFen: 900_000, treatment: 'reduce', reason: '', refused: [] },
  {
    name: 'adopting with another amount is refused and asks for a reason',
    decision: 'adopt',
    decidedFen: 950_000,
    treatment: 'reduce',
    reason: '',
    refused: ['decision', 'reason'],
  },
  {
    name: 'an adjusted amount with its reason stands',
    decision: 'adjust',
    decidedFen: 950_000,
    treatment: 'reduce',
    reason: '已整改到位，压减 5%',
    refused: [],
  },
  {
    name: 'an adjusted amount without a reason is refused',
    decision: 'adjust',
    decidedFen: 950_000,
    treatment: 'reduce',
    reason: '  ',
    refused: ['reason'],
  },
  {
    name: 'the same amount under another treatment is a change and needs a reason',
    decision: 'adjust',
    decidedFen: 900_000,
    treatment: 'maintain',
    reason: '',
    refused: ['reason'],
  },
  {
    name: '调整 to exactly the suggestion is refused: adopt it instead',
    decision: 'adjust',
    decidedFen: 900_000,
    treatment: 'reduce',
    reason: '同意',
    refused: ['decision'],
  },
];
