import type { RereviewRuleBody } from '@jixiao/contract';
import { rereview as core, formatPoints, formatYuan, parseYuan } from '@jixiao/core';
import { type FieldDetail, validationFailed } from '../errors.ts';

// The rule as the API gives it (yuan, percent) and as core draws it (fen, basis points), both ways.

const yuanToFen = (text: string, path: string, problems: FieldDetail[]): number => {
  const parsed = parseYuan(text);
  if (!parsed.ok) {
    problems.push({ path, message: `金额“${text}”不是有效的金额` });
    return 0;
  }
  return parsed.value;
};

export function ruleFromBody(body: RereviewRuleBody, path = 'body.rule'): core.SampleRule {
  const problems: FieldDetail[] = [];
  const thresholdFen = body.threshold === null ? null : yuanToFen(body.threshold, `${path}.threshold`, problems);
  let random: core.SampleRule['random'] = null;
  if (body.random) {
    const basisPoints = core.parseScore(body.random.share);
    if (basisPoints === undefined) problems.push({ path: `${path}.random.share`, message: `抽取比例“${body.random.share}”应为百分数` });
    random = {
      shareBasisPoints: basisPoints ?? 0,
      stratify: body.random.stratify,
      bandsFen: body.random.bands
        ? body.random.bands.map((text, index) => yuanToFen(text, `${path}.random.bands[${index}]`, problems))
        : [...core.DEFAULT_AMOUNT_BANDS_FEN],
    };
  }
  const rule: core.SampleRule = { thresholdFen, random, include: body.include, exclude: body.exclude };
  for (const problem of core.checkRule(rule)) {
    const field = problem.field.replace('random.bandsFen', 'random.bands').replace('random.shareBasisPoints', 'random.share');
    problems.push({ path: field === 'rule' ? path : `${path}.${field.replace('thresholdFen', 'threshold')}`, message: problem.message });
  }
  if (problems.length) throw validationFailed(problems);
  return rule;
}

export function ruleToBody(rule: core.SampleRule): RereviewRuleBody {
  return {
    threshold: rule.thresholdFen === null ? null : formatYuan(rule.thresholdFen),
    random: rule.random
      ? {
          share: formatPoints(rule.random.shareBasisPoints),
          stratify: rule.random.stratify,
          bands: rule.random.bandsFen.map((fen) => formatYuan(fen)),
        }
      : null,
    include: [...rule.include],
    exclude: [...rule.exclude],
  };
}

const STRATIFY_TEXT: Record<core.Stratify, string> = { none: '', department: '，按部门分层', amount: '，按金额分档分层' };

/** The rule in words, for the round page. */
export function ruleText(rule: core.SampleRule): string {
  const parts: string[] = [];
  if (rule.thresholdFen !== null) parts.push(`预算金额不低于 ${formatYuan(rule.thresholdFen)} 元的全部抽取`);
  if (rule.random)
    parts.push(`其余随机抽取 ${formatPoints(rule.random.shareBasisPoints)}%（至少 1 个${STRATIFY_TEXT[rule.random.stratify]}）`);
  if (rule.include.length) parts.push(`手工选取 ${rule.include.length} 个`);
  if (rule.exclude.length) parts.push(`手工剔除 ${rule.exclude.length} 个`);
  return parts.join('；');
}

export function reasonText(pick: { reason: core.SampleReason; stratum: string | null }, rule: core.SampleRule): string {
  if (pick.reason === 'threshold') return `预算金额不低于 ${formatYuan(rule.thresholdFen ?? 0)} 元`;
  if (pick.reason === 'manual') return '手工选取';
  return pick.stratum ? `随机抽取（${pick.stratum}）` : '随机抽取';
}
