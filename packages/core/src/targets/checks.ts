import { checkCoverage, isInputAsOutput } from '../checks/checks.ts';
import { type Finding, finding } from '../checks/findings.ts';
import { LEVEL1_LABEL } from '../model.ts';
import { compareDecimal, decimalFromInteger, formatDecimal, isNegative, parseDecimal } from '../numbers/decimal.ts';
import { type Fen, formatWanYuanExact } from '../numbers/money.ts';
import { type ExAnteConclusion, exAnteRequired } from './ex-ante.ts';
import type { Declaration, DeclaredIndicator } from './model.ts';
import { divideDecimal, type PeerStatistics, peerStatistics, scaleDecimal } from './suggest.ts';

/** The tunable parts of the declaration checks; the defaults are documented in docs/targets.md. */
export interface DeclarationCheckOptions {
  /** A target is far from its peers outside [Q1 ÷ factor, Q3 × factor] (decimal text). */
  readonly peerFactor: string;
  /** The peer comparison needs at least this many peers' targets. */
  readonly minPeers: number;
  /** An effect or satisfaction target at or above this percentage needs a data source. */
  readonly hollowPercent: number;
}

export const DEFAULT_DECLARATION_CHECK_OPTIONS: DeclarationCheckOptions = { peerFactor: '2', minPeers: 5, hollowPercent: 95 };

/** What the declaration checks need beyond the form itself: the peers' values for the same library entries. */
export interface DeclarationCheckContext {
  /** Peers' declared targets per library entry id, for the "far from peers" check. */
  readonly peerTargets?: ReadonlyMap<string, readonly string[]> | undefined;
  /** The same peers' statistics per library entry when computed elsewhere (in SQL): used instead of the lists. */
  readonly peerTargetStatistics?: ReadonlyMap<string, PeerStatistics> | undefined;
  readonly options?: Partial<DeclarationCheckOptions> | undefined;
  /**
   * The 事前绩效评估 rule: the amount in force (the scheme's requiredFromFen) and the conclusion of the
   * project's assessment for the year, if one was concluded. Without it the rule is not checked.
   */
  readonly exAnte?: { readonly requiredFromFen: Fen; readonly conclusion?: ExAnteConclusion | undefined } | undefined;
}

/**
 * Quality checks at declaration time (docs/targets.md "申报时的质量校验"): the year-end coverage checks,
 * applied while the indicator set can still be changed, and the checks that only make sense before the
 * year. Errors block submission; warnings need a reason from the preparer.
 */
export function checkDeclaration(declaration: Declaration, context: DeclarationCheckContext = {}): Finding[] {
  const options = { ...DEFAULT_DECLARATION_CHECK_OPTIONS, ...context.options };
  const findings: Finding[] = [];
  checkCoverage(declaration.indicators, findings);
  checkExAnte(declaration, context, findings);
  for (const indicator of declaration.indicators) checkDeclaredIndicator(indicator, context, options, findings);
  return findings;
}

/**
 * 新增 projects at or above the amount need a supported assessment before they are declared (中发〔2018〕34号:
 * the assessment's result is a prerequisite of the budget request). 调整后支持 counts as supported: the
 * adjustment is what the declaration itself carries.
 */
function checkExAnte(declaration: Declaration, context: DeclarationCheckContext, findings: Finding[]): void {
  const rule = context.exAnte;
  if (!rule || declaration.kind !== 'project') return;
  if (!exAnteRequired({ attribute: declaration.attribute, fundsFen: declaration.funds.total }, rule)) return;
  if (rule.conclusion === 'support' || rule.conclusion === 'adjust') return;
  const state =
    rule.conclusion === 'reject'
      ? { zh: '事前绩效评估结论为“不予支持”', en: 'its assessment concluded 不予支持' }
      : { zh: '尚无已形成结论的事前绩效评估', en: 'no assessment has been concluded' };
  findings.push(
    finding(
      'DECLARATION_EX_ANTE_MISSING',
      { kind: 'budget', name: declaration.projectName, field: 'attribute' },
      {
        project: declaration.projectName ?? declaration.projectCode ?? '',
        amount: formatWanYuanExact(declaration.funds.total),
        threshold: formatWanYuanExact(rule.requiredFromFen),
        state: state.zh,
        stateEn: state.en,
      },
    ),
  );
}

/** Words of intent without a measure: the reference report's "不够量化、精准" in the preparer's own words. */
const VAGUE_WORDS = /进一步|有所|显著|明显|大幅|逐步|稳步|不断|持续|较大/;
const DIGITS = /[0-9０-９]/;
/** What preparers type into 数据来源 when there is none. */
const NO_SOURCE = /^(无|暂无|待定|不详|\/|-|—|－)?$/;
const PERCENT_UNITS = new Set(['%', '％', '百分比']);

const DIRECTION_TEXT: Readonly<Record<DeclaredIndicator['direction'], string>> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
  qualitative: '定性',
};

type Subject = Finding['subject'];

function subject(indicator: DeclaredIndicator, field?: string): Subject {
  return { kind: 'indicator', id: indicator.id, name: indicator.name, ...(field ? { field } : {}) };
}

function checkDeclaredIndicator(
  indicator: DeclaredIndicator,
  context: DeclarationCheckContext,
  options: DeclarationCheckOptions,
  findings: Finding[],
): void {
  const name = indicator.name;
  const direction = DIRECTION_TEXT[indicator.direction];
  const targetText = indicator.targetText?.trim() ?? '';
  const vague = VAGUE_WORDS.exec(targetText);
  if (vague && !DIGITS.test(targetText)) {
    findings.push(finding('DECLARATION_VAGUE_TARGET', subject(indicator, 'target'), { name, text: targetText, word: vague[0] }));
  }
  const quantitative = indicator.nature === 'quantitative';
  if (quantitative === (indicator.direction === 'qualitative')) {
    findings.push(
      finding('DECLARATION_NATURE_DIRECTION_MISMATCH', subject(indicator, 'direction'), {
        name,
        nature: quantitative ? '定量' : '定性',
        natureEn: indicator.nature,
        direction,
      }),
    );
  }
  if (quantitative) {
    if (!indicator.target) findings.push(finding('MISSING_TARGET', subject(indicator, 'target'), { name }));
    if (!indicator.unit?.trim()) findings.push(finding('MISSING_UNIT', subject(indicator, 'unit'), { name }));
  }
  if (isInputAsOutput(indicator)) {
    findings.push(finding('DECLARATION_INPUT_AS_OUTPUT', subject(indicator, 'unit'), { name, unit: indicator.unit ?? '' }));
  }
  const shown = indicator.target ? formatDecimal(indicator.target) : targetText;
  if (indicator.level2 === 'cost' && (indicator.direction === '>=' || indicator.direction === '>')) {
    findings.push(finding('DECLARATION_COST_AT_LEAST', subject(indicator, 'direction'), { name, direction, target: shown }));
  }
  checkHollow(indicator, options, findings);
  checkLastYear(indicator, findings);
  checkPeers(indicator, context, options, findings);
  if (indicator.core && !indicator.scoringRule?.trim()) {
    findings.push(finding('DECLARATION_CORE_WITHOUT_SCORING_RULE', subject(indicator, 'scoringRule'), { name }));
  }
  if (indicator.basis === 'other' && !indicator.basisText?.trim()) {
    findings.push(finding('DECLARATION_BASIS_OTHER_WITHOUT_TEXT', subject(indicator, 'basisText'), { name }));
  }
}

/** "≥ 95% of something" with nothing to measure it by: a target that is met on paper. */
function checkHollow(indicator: DeclaredIndicator, options: DeclarationCheckOptions, findings: Finding[]): void {
  const { target } = indicator;
  if (indicator.level1 === 'output' || !target || !PERCENT_UNITS.has(indicator.unit?.trim() ?? '')) return;
  if (indicator.direction !== '>=' && indicator.direction !== '>') return;
  if (compareDecimal(target, decimalFromInteger(options.hollowPercent)) < 0) return;
  const source = indicator.dataSource?.trim() ?? '';
  if (!NO_SOURCE.test(source)) return;
  findings.push(
    finding('DECLARATION_HOLLOW_EFFECT', subject(indicator, 'dataSource'), {
      name: indicator.name,
      level: LEVEL1_LABEL[indicator.level1],
      target: `${formatDecimal(target)}${indicator.unit?.trim() ?? ''}`,
      threshold: options.hollowPercent,
      source,
    }),
  );
}

function checkLastYear(indicator: DeclaredIndicator, findings: Finding[]): void {
  const { target, lastYearActual } = indicator;
  if (!target || !lastYearActual) return;
  const higherIsBetter = indicator.direction === '>=' || indicator.direction === '>';
  const lowerIsBetter = indicator.direction === '<=' || indicator.direction === '<';
  const order = compareDecimal(target, lastYearActual);
  if (!((higherIsBetter && order < 0) || (lowerIsBetter && order > 0))) return;
  findings.push(
    finding('DECLARATION_TARGET_WEAKER_THAN_LAST_YEAR', subject(indicator, 'target'), {
      name: indicator.name,
      direction: DIRECTION_TEXT[indicator.direction],
      target: formatDecimal(target),
      last: formatDecimal(lastYearActual),
      relation: higherIsBetter ? '低于' : '高于',
      relationEn: higherIsBetter ? 'below' : 'above',
    }),
  );
}

/**
 * Far from peers: outside [Q1 ÷ f, Q3 × f] of the peers' targets for the same library entry. Only for
 * non-negative values, where dividing and multiplying widen the band as intended.
 */
function checkPeers(
  indicator: DeclaredIndicator,
  context: DeclarationCheckContext,
  options: DeclarationCheckOptions,
  findings: Finding[],
): void {
  const { target, libraryEntryId } = indicator;
  if (!target || !libraryEntryId || indicator.nature !== 'quantitative' || isNegative(target)) return;
  const factor = parseDecimal(options.peerFactor);
  if (!factor || factor.units <= 0n) return;
  const stats = context.peerTargetStatistics?.get(libraryEntryId) ?? listedPeers(context.peerTargets?.get(libraryEntryId));
  if (!stats || stats.count < options.minPeers || isNegative(stats.min)) return;
  const low = divideDecimal(stats.q1, factor);
  const high = scaleDecimal(stats.q3, factor);
  if (compareDecimal(target, low) >= 0 && compareDecimal(target, high) <= 0) return;
  findings.push(
    finding('DECLARATION_TARGET_FAR_FROM_PEERS', subject(indicator, 'target'), {
      name: indicator.name,
      target: formatDecimal(target),
      count: stats.count,
      low: formatDecimal(low),
      high: formatDecimal(high),
      q1: formatDecimal(stats.q1),
      median: formatDecimal(stats.median),
      q3: formatDecimal(stats.q3),
    }),
  );
}

function listedPeers(texts: readonly string[] | undefined): PeerStatistics | undefined {
  return peerStatistics((texts ?? []).flatMap((text) => parseDecimal(text) ?? []));
}
