import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIVE_SCALE, INTEGRITY_CASES } from './integrity.cases.ts';
import { integrityFlags } from './integrity.ts';
import { type SurveyQuestion, validateAnswers, validateDesign } from './model.ts';
import { RESULTS_CASES } from './results.cases.ts';
import { surveyResults } from './results.ts';
import { MARGIN_CASES, PLAN_CASES } from './sample.cases.ts';
import { type Confidence, formatMargin, integerSqrt, marginReached, planSample } from './sample.ts';
import { SURVEY_TEMPLATES } from './templates.ts';

describe('the planned sample', () => {
  it.each(PLAN_CASES)('$name', ({ population, confidence, margin, responseRate, required, invitations, census }) => {
    const plan = planSample({ population, confidence, margin, responseRate });
    expect({ required: plan.required, invitations: plan.invitations, census: plan.census }).toEqual({
      required,
      invitations,
      census: census ?? false,
    });
  });

  it('refuses a margin or rate outside (0, 1)', () => {
    expect(() => planSample({ confidence: '95', margin: { num: 0n, den: 1n }, responseRate: { num: 1n, den: 1n } })).toThrow(RangeError);
    expect(() => planSample({ confidence: '95', margin: { num: 1n, den: 20n }, responseRate: { num: 3n, den: 2n } })).toThrow(RangeError);
  });
});

describe('the margin reached', () => {
  it.each(MARGIN_CASES)('$name', ({ responses, population, confidence, basisPoints, shown }) => {
    const margin = marginReached({ responses, population, confidence });
    expect(margin).toBe(basisPoints);
    if (shown !== undefined && margin !== undefined) expect(formatMargin(margin)).toBe(shown);
  });

  it('integer square roots are exact around perfect squares', () => {
    for (const value of [0n, 1n, 3n, 4n, 99n, 100n, 101n, 10n ** 30n - 1n, 10n ** 30n]) {
      const root = integerSqrt(value);
      expect(root * root <= value && (root + 1n) * (root + 1n) > value).toBe(true);
    }
  });
});

const confidence = fc.constantFrom<Confidence>('90', '95', '99');
const marginPercent = fc.integer({ min: 1, max: 20 });
const ratePercent = fc.integer({ min: 1, max: 100 });
const population = fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined });
const share = (percent: number) => ({ num: BigInt(percent), den: 100n });

describe('properties', () => {
  it('a wider margin never needs more responses', () => {
    fc.assert(
      fc.property(confidence, population, ratePercent, marginPercent, marginPercent, (level, size, rate, e1, e2) => {
        const [narrow, wide] = e1 <= e2 ? [e1, e2] : [e2, e1];
        const a = planSample({ population: size, confidence: level, margin: share(narrow), responseRate: share(rate) });
        const b = planSample({ population: size, confidence: level, margin: share(wide), responseRate: share(rate) });
        expect(b.required).toBeLessThanOrEqual(a.required);
        expect(b.invitations).toBeLessThanOrEqual(a.invitations);
      }),
    );
  });

  it('the sample never exceeds the population, nor the invitations N / r', () => {
    fc.assert(
      fc.property(confidence, fc.integer({ min: 1, max: 1_000_000 }), ratePercent, marginPercent, (level, size, rate, e) => {
        const plan = planSample({ population: size, confidence: level, margin: share(e), responseRate: share(rate) });
        expect(plan.required).toBeLessThanOrEqual(size);
        expect(plan.invitations).toBeLessThanOrEqual(Math.min(size, Math.ceil((size * 100) / rate)));
        expect(plan.invitations).toBeGreaterThanOrEqual(plan.census ? size : plan.required);
      }),
    );
  });

  it('more responses never widen the margin', () => {
    fc.assert(
      fc.property(
        confidence,
        population,
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (level, size, a, b) => {
          const [fewer, more] = a <= b ? [a, b] : [b, a];
          const wide = marginReached({ responses: fewer, population: size, confidence: level }) ?? 0;
          const narrow = marginReached({ responses: more, population: size, confidence: level }) ?? 0;
          expect(narrow).toBeLessThanOrEqual(wide);
        },
      ),
    );
  });

  it('the planned sample reaches the planned margin', () => {
    fc.assert(
      fc.property(confidence, population, marginPercent, (level, size, e) => {
        const plan = planSample({ population: size, confidence: level, margin: share(e), responseRate: share(100) });
        expect(marginReached({ responses: plan.required, population: size, confidence: level }) ?? 0).toBeLessThanOrEqual(e * 100);
      }),
    );
  });

  it('满意度 stays within 0–100 and 满意率 within 0–100 %', () => {
    const level = fc.constantFrom('very-satisfied', 'satisfied', 'fair', 'dissatisfied', 'very-dissatisfied');
    fc.assert(
      fc.property(fc.array(fc.record({ a: level, b: level, c: level, d: level, e: level }), { maxLength: 40 }), (answers) => {
        const results = surveyResults(
          FIVE_SCALE,
          answers.map((entry) => ({ answers: entry })),
        );
        expect(results.scored).toBe(answers.length);
        if (answers.length === 0) return;
        expect(results.satisfactionHundredths).toBeGreaterThanOrEqual(0);
        expect(results.satisfactionHundredths).toBeLessThanOrEqual(10_000);
        expect(results.satisfiedRateBasisPoints).toBeGreaterThanOrEqual(0);
        expect(results.satisfiedRateBasisPoints).toBeLessThanOrEqual(10_000);
      }),
    );
  });
  it('gives the same results from responses grouped by identical answers as from each one', () => {
    const level = fc.constantFrom('very-satisfied', 'satisfied', 'fair', 'dissatisfied', 'very-dissatisfied', '');
    fc.assert(
      fc.property(fc.array(fc.record({ a: level, b: level, c: level }), { maxLength: 60 }), (answers) => {
        const groups = new Map<string, { answers: Record<string, string>; count: number }>();
        for (const entry of answers) {
          const key = JSON.stringify(entry);
          const group = groups.get(key) ?? { answers: entry, count: 0 };
          group.count += 1;
          groups.set(key, group);
        }
        const one = surveyResults(
          FIVE_SCALE,
          answers.map((entry) => ({ answers: entry })),
        );
        expect(surveyResults(FIVE_SCALE, [...groups.values()])).toEqual(one);
      }),
    );
  });
});

describe('满意度 and 满意率', () => {
  it.each(RESULTS_CASES)('$name', ({ questions, answers, scale, scored, satisfaction, satisfiedRate }) => {
    const results = surveyResults(
      questions,
      answers.map((entry) => ({ answers: entry })),
      scale,
    );
    expect([results.scored, results.satisfactionHundredths, results.satisfiedRateBasisPoints]).toEqual([
      scored,
      satisfaction,
      satisfiedRate,
    ]);
  });

  it('counts each option of each question', () => {
    const questions: SurveyQuestion[] = [
      { id: 'a', kind: 'scale', text: 'a', required: true },
      {
        id: 'm',
        kind: 'multiple',
        text: 'm',
        required: false,
        options: [
          { id: 'x', label: 'X' },
          { id: 'y', label: 'Y' },
        ],
      },
    ];
    const results = surveyResults(questions, [
      { answers: { a: 'fair', m: ['x', 'y'] } },
      { answers: { a: 'fair', m: ['y'] } },
      { answers: { a: 'satisfied' } },
    ]);
    expect(results.questions[0]?.counts.filter((entry) => entry.count > 0)).toEqual([
      { value: 'satisfied', count: 1 },
      { value: 'fair', count: 2 },
    ]);
    expect(results.questions[1]).toEqual({
      questionId: 'm',
      answered: 2,
      counts: [
        { value: 'x', count: 1 },
        { value: 'y', count: 2 },
      ],
    });
  });
});

describe('integrity flags', () => {
  it.each(INTEGRITY_CASES)('$name', ({ questions, response, earlier, flags }) => {
    expect(integrityFlags(questions ?? FIVE_SCALE, response, earlier ?? [])).toEqual(flags);
  });
});

describe('answers against the design', () => {
  const design: SurveyQuestion[] = [
    { id: 'overall', kind: 'scale', text: '总体满意度', required: true },
    {
      id: 'channel',
      kind: 'single',
      text: '渠道',
      required: false,
      options: [
        { id: 'web', label: '网站' },
        { id: 'notice', label: '通知' },
      ],
    },
    {
      id: 'help',
      kind: 'multiple',
      text: '帮助',
      required: false,
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    },
    { id: 'note', kind: 'text', text: '建议', required: false, maxLength: 5 },
  ];
  it.each([
    ['a complete, valid set', { overall: 'satisfied', channel: 'web', help: ['a', 'b'], note: '很好' }, []],
    ['a required question left blank', { channel: 'web' }, ['第 1 题“总体满意度”为必答题，尚未作答']],
    ['a scale answer that is not a level', { overall: '满意' }, ['第 1 题“总体满意度”的答案“满意”不是满意度选项']],
    ['an unknown option', { overall: 'fair', channel: 'tv' }, ['第 2 题“渠道”的答案“tv”不是本题选项']],
    ['a multiple choice sent as one string', { overall: 'fair', help: 'a' }, ['第 3 题“帮助”应为多选，答案须是选项列表']],
    ['the same choice twice', { overall: 'fair', help: ['a', 'a'] }, ['第 3 题“帮助”的答案中有重复选项']],
    ['text too long', { overall: 'fair', note: '一二三四五六' }, ['第 4 题“建议”的回答有 6 个字，超过上限 5 个字']],
    ['a question that does not exist', { overall: 'fair', extra: 'x' }, ['问卷中没有题目“extra”']],
  ] as const)('%s', (_name, answers, messages) => {
    expect(validateAnswers(design, answers).map((issue) => issue.message)).toEqual(messages);
  });

  it('every template is a valid design', () => {
    for (const template of Object.values(SURVEY_TEMPLATES)) expect(validateDesign(template.questions)).toEqual([]);
  });

  it('a design needs a scale question, distinct ids, two options per choice and positive scale weights', () => {
    const messages = validateDesign([
      { id: 'x', kind: 'single', text: '渠道', required: true, options: [{ id: 'a', label: 'A' }] },
      { id: 'x', kind: 'text', text: ' ', required: false, weight: '2' },
    ]).map((issue) => issue.message);
    expect(messages).toEqual([
      '问卷至少须有一道满意度量表题，才能计算满意度',
      '第 1 题是选择题，至少须有两个选项',
      '第 2 题的编号“x”与前面的题目重复',
      '第 2 题缺少题目文字',
      '第 2 题不是量表题，不能设置权重',
    ]);
    expect(validateDesign([{ id: 's', kind: 'scale', text: 's', required: true, weight: '0' }]).map((issue) => issue.message)).toEqual([
      '第 1 题的权重“0”须为正数',
    ]);
  });
});
