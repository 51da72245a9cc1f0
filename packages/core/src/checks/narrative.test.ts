import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EvaluationInput, Indicator, Narrative } from '../model.ts';
import { evaluateWorkbook } from '../scoring/evaluate-workbook.ts';
import { configureScheme } from '../scoring/scheme.ts';
import { evaluate } from '../scoring/score.ts';
import { buildIndicator, buildInput, dec } from '../testing/factories.ts';
import { parseWorkbookJson } from '../workbook/parse.ts';

const charging = buildIndicator({
  id: 'G2-5',
  name: '新增充电基础设施数量',
  target: dec('150'),
  actual: dec('168'),
  unit: '个',
  targetText: '150个以上',
  actualText: '实际168个',
});
const investment = buildIndicator({ id: 'G1-1', name: '促进企业产生工业投资', target: dec('20'), actual: dec('23.39'), unit: '亿元' });
const models = buildIndicator({ id: 'G2-2', name: '新车型上市数量', target: dec('2'), actual: dec('2'), unit: '个' });

function inputWith(changes: { indicators?: Indicator[]; narrative?: Partial<Narrative> } = {}): EvaluationInput {
  const base = buildInput();
  return {
    ...base,
    indicators: [...base.indicators, ...(changes.indicators ?? [charging, investment, models])],
    narrative: { ...base.narrative, ...changes.narrative },
  };
}

function mismatches(input: EvaluationInput): string[] {
  return evaluate(input, configureScheme('mof-2020-project'))
    .findings.filter((entry) => entry.code === 'NARRATIVE_MISMATCH')
    .map((entry) => entry.message);
}

const text = (dutyIntro: string) => inputWith({ narrative: { dutyIntro } });

describe('texts that state figures', () => {
  it('finds the stale 实际值表述 left after an actual was edited from 168 to 120', () => {
    expect(mismatches(inputWith())).toEqual([]);
    const edited = { ...charging, actual: dec('120') };
    expect(mismatches(inputWith({ indicators: [edited, investment, models] }))).toEqual([
      '指标 G2-5 的实际值表述写“实际168个”，指标 G2-5“新增充电基础设施数量”的实际完成值为 168个，与当前数据 120个 不符；请修改文字或核对数据',
    ]);
    const finding = evaluate(inputWith({ indicators: [edited, investment, models] }), configureScheme('mof-2020-project')).findings.find(
      (entry) => entry.code === 'NARRATIVE_MISMATCH',
    );
    expect(finding?.messageEn).toBe(
      `The wording of G2-5's actual says "实际168个": the actual of indicator G2-5 "新增充电基础设施数量" is 168个 there but 120个 in the data`,
    );
  });

  it.each<[string, string, string[]]>([
    ['a matching sentence', '新增充电基础设施数量150个以上，实际168个。', []],
    ['full-width digits that match', '新增充电基础设施数量１５０个以上，实际１６８个。', []],
    ['the same money in another unit', '促进企业产生工业投资实际完成233900万元。', []],
    ['a rounded figure at its own precision', '促进企业产生工业投资实际完成23.4亿元。', []],
    ['a name shortened by its generic tail', '新增充电基础设施实际完成168个。', []],
    ['a target, not an actual', '新增充电基础设施数量目标为200个。', []],
    ['an aim with a verb', '新增充电基础设施数量计划明年完成200个。', []],
    ['a figure in another unit', '新增充电基础设施数量实际完成3期。', []],
    ['another indicator’s figure', '新增充电基础设施数量实际168个，新车型上市数量实际完成2个。', []],
    [
      'a contradicting count',
      '新增充电基础设施数量150个以上，实际170个。',
      [
        '履职效能分析写“新增充电基础设施数量150个以上，实际170个”，指标 G2-5“新增充电基础设施数量”的实际完成值为 170个，与当前数据 168个 不符；请修改文字或核对数据',
      ],
    ],
    [
      'contradicting full-width digits',
      '新增充电基础设施数量实际１７０个',
      [
        '履职效能分析写“新增充电基础设施数量实际１７０个”，指标 G2-5“新增充电基础设施数量”的实际完成值为 170个，与当前数据 168个 不符；请修改文字或核对数据',
      ],
    ],
    [
      'contradicting money in 万元',
      '促进企业产生工业投资实际完成230000万元',
      [
        '履职效能分析写“促进企业产生工业投资实际完成230000万元”，指标 G1-1“促进企业产生工业投资”的实际完成值为 230000万元，与当前数据 23.39亿元 不符；请修改文字或核对数据',
      ],
    ],
    [
      'the second of two indicators, flagged against it alone',
      '新增充电基础设施数量实际168个，新车型上市数量实际完成3个。',
      ['履职效能分析写“新车型上市数量实际完成3个”，指标 G2-2“新车型上市数量”的实际完成值为 3个，与当前数据 2个 不符；请修改文字或核对数据'],
    ],
    [
      'a contradicting count of indicators',
      '在产出指标下设置了10个三级指标。',
      ['履职效能分析写“产出指标下设置了10个三级指标”，产出指标下的三级指标个数为 10个，与当前数据 7个 不符；请修改文字或核对数据'],
    ],
    ['a matching count in Chinese numerals', '在产出指标下设置了七个三级指标、在效益指标下设置了1个三级指标', []],
    [
      'a contradicting execution rate',
      '预算执行率为90%，',
      ['履职效能分析写“预算执行率为90%”，预算执行率为 90%，与当前数据 95.00% 不符；请修改文字或核对数据'],
    ],
    ['a matching execution rate', '预算执行率９５．００％', []],
  ])('%s', (_, sentence, expected) => {
    expect(mismatches(text(sentence))).toEqual(expected);
  });

  it('compares the score the 自评结论 states with the computed total, at its precision', () => {
    const total = evaluate(inputWith(), configureScheme('mof-2020-project')).total.final;
    expect(total).toBe(9_950);
    expect(mismatches(inputWith({ narrative: { conclusion: '项目完成良好，自评得分99.5分。' } }))).toEqual([]);
    expect(mismatches(inputWith({ narrative: { conclusion: '项目完成良好，满分100分，得１００分。' } }))).toEqual([]);
    expect(mismatches(inputWith({ narrative: { conclusion: '项目完成良好，得95分，其中满分100分。' } }))).toEqual([
      '自评结论写“95分”，自评得分为 95分，与当前数据 99.50分 不符；请修改文字或核对数据',
    ]);
    expect(mismatches(inputWith({ narrative: { measures: ['新增充电基础设施数量力争达到200个'] } }))).toEqual([]);
    expect(mismatches(inputWith({ narrative: { problems: ['自评得分为96.5分，仍有不足'] } }))).toEqual([
      '存在的主要问题第1条写“自评得分为96.5分”，自评得分为 96.5分，与当前数据 99.50分 不符；请修改文字或核对数据',
    ]);
  });

  it('raises nothing on the Panyu and digital-training examples', () => {
    for (const path of ['panyu-2024/panyu-2024.json', 'project-2024/digital-training-2024.json']) {
      const parsed = parseWorkbookJson(readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), 'utf8'));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const found = evaluateWorkbook(parsed.value).evaluation.findings.filter((entry) => entry.code === 'NARRATIVE_MISMATCH');
      expect(found, path).toEqual([]);
    }
  });
});
