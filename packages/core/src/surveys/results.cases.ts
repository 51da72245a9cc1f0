import type { Answers, ScaleConfig, SurveyQuestion } from './model.ts';

const q = (id: string, weight?: string): SurveyQuestion => ({ id, kind: 'scale', text: id, required: true, weight });

export interface ResultsCase {
  readonly name: string;
  readonly questions: readonly SurveyQuestion[];
  readonly answers: readonly Answers[];
  readonly scale?: ScaleConfig;
  readonly scored: number;
  /** 满意度 in hundredths of a point, 满意率 in basis points. */
  readonly satisfaction: number | undefined;
  readonly satisfiedRate: number | undefined;
}

const one = [q('a')];
const weighted = [q('a'), q('b', '2')];

export const RESULTS_CASES: readonly ResultsCase[] = [
  {
    name: 'one question: 2 非常满意, 1 满意, 1 基本满意 → (100+100+80+60)/4 = 85; 满意率 3/4',
    questions: one,
    answers: [{ a: 'very-satisfied' }, { a: 'very-satisfied' }, { a: 'satisfied' }, { a: 'fair' }],
    scored: 4,
    satisfaction: 8500,
    satisfiedRate: 7500,
  },
  {
    name: 'counting 基本满意 as satisfied is configuration',
    questions: one,
    answers: [{ a: 'very-satisfied' }, { a: 'very-satisfied' }, { a: 'satisfied' }, { a: 'fair' }],
    scale: {
      scores: { 'very-satisfied': 100, satisfied: 80, fair: 60, dissatisfied: 40, 'very-dissatisfied': 0 },
      satisfied: ['very-satisfied', 'satisfied', 'fair'],
    },
    scored: 4,
    satisfaction: 8500,
    satisfiedRate: 10_000,
  },
  {
    name: 'weights: a 满意 (×1) and 不满意 (×2) → (80 + 80)/3 = 53.33; satisfied share 1/3',
    questions: weighted,
    answers: [{ a: 'satisfied', b: 'dissatisfied' }],
    scored: 1,
    satisfaction: 5333,
    satisfiedRate: 3333,
  },
  {
    name: 'thirds round half up exactly: (100 + 100 + 80)/3 = 93.333… → 93.33; 满意率 100 %',
    questions: one,
    answers: [{ a: 'very-satisfied' }, { a: 'very-satisfied' }, { a: 'satisfied' }],
    scored: 3,
    satisfaction: 9333,
    satisfiedRate: 10_000,
  },
  {
    name: 'two-thirds: (100 + 100 + 0)/3 = 66.666… → 66.67; 满意率 66.67 %',
    questions: one,
    answers: [{ a: 'very-satisfied' }, { a: 'very-satisfied' }, { a: 'very-dissatisfied' }],
    scored: 3,
    satisfaction: 6667,
    satisfiedRate: 6667,
  },
  {
    name: 'a response without any scale answer is not scored',
    questions: [q('a'), { id: 't', kind: 'text', text: 't', required: false }],
    answers: [{ t: '很好' }, { a: 'satisfied' }],
    scored: 1,
    satisfaction: 8000,
    satisfiedRate: 10_000,
  },
  {
    name: 'an optional scale question left blank neither raises nor lowers: (100 + (60·1 + 100·2)/3)/2',
    questions: [q('a'), { ...q('b', '2'), required: false }],
    answers: [{ a: 'very-satisfied' }, { a: 'fair', b: 'very-satisfied' }],
    scored: 2,
    // (100 + 86.666…)/2 = 93.333… ; satisfied (1 + 2/3)/2 = 0.8333…
    satisfaction: 9333,
    satisfiedRate: 8333,
  },
  {
    name: 'decimal weights (0.3 and 0.7)',
    questions: [q('a', '0.3'), q('b', '0.7')],
    answers: [{ a: 'very-satisfied', b: 'fair' }],
    scored: 1,
    // 0.3·100 + 0.7·60 = 72
    satisfaction: 7200,
    satisfiedRate: 3000,
  },
  { name: 'no responses: nothing to show', questions: one, answers: [], scored: 0, satisfaction: undefined, satisfiedRate: undefined },
];
