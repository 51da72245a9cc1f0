import type { Fen } from '../numbers/money.ts';
import type { Points } from '../numbers/points.ts';

/**
 * 汇总 (roll-up) of a department's overall evaluation: its units' and projects' self-scores weighted
 * by their budgets. Informative only: the department's own score is its 部门整体支出绩效自评 scored by
 * the official rules (财预〔2020〕10号); no document prescribes this aggregate, which is why it is
 * shown beside that score and never in the formal report.
 */
export interface WeightedEntry {
  /** Self-score in hundredths; null when not handed in or blocked by an error. */
  readonly score: Points | null;
  /** The weight: the adjusted budget (调整预算数) in fen. */
  readonly budgetFen: Fen;
}

export interface WeightedScore {
  /** Σ score × budget ÷ Σ budget in hundredths, rounded half up; undefined when nothing counts. */
  readonly score: Points | undefined;
  /** Σ budget of the entries counted. */
  readonly weightFen: Fen;
  readonly counted: number;
  /** Entries left out: no score yet, or no budget to weigh by. */
  readonly notCounted: number;
}

export function budgetWeightedScore(entries: readonly WeightedEntry[]): WeightedScore {
  let num = 0n;
  let den = 0n;
  let counted = 0;
  for (const entry of entries) {
    if (entry.score === null || entry.budgetFen <= 0) continue;
    num += BigInt(entry.score) * BigInt(entry.budgetFen);
    den += BigInt(entry.budgetFen);
    counted += 1;
  }
  const notCounted = entries.length - counted;
  if (den === 0n) return { score: undefined, weightFen: 0, counted, notCounted };
  return { score: Number((2n * num + den) / (2n * den)), weightFen: Number(den), counted, notCounted };
}

/**
 * 重点项目: a project whose adjusted budget reaches the threshold. Practice, not a national rule: each
 * finance bureau names its key projects, commonly by amount; the threshold is configuration
 * (JIXIAO_ROLLUP_KEY_PROJECT_YUAN, default 1,000,000 元).
 */
export const DEFAULT_KEY_PROJECT_FEN: Fen = 100_000_000;

export function isKeyProject(budgetFen: Fen, thresholdFen: Fen = DEFAULT_KEY_PROJECT_FEN): boolean {
  return budgetFen >= thresholdFen;
}
