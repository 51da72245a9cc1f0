import { asc, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { indicatorLibrary, indicatorUsage } from '../db/schema.ts';
import { refreshAllUsageValues } from '../library/library.repository.ts';

/**
 * The demo's history of the indicator library (docs/targets.md "指标库与历史"): six peer projects per
 * project type used every numeric entry of their type in 2020–2026, with targets every year and
 * actuals up to 2025 (2026 is still running on the demo's date, 2026-12-02). Records of years before
 * the system (source `history`), so the suggestions while declaring have peers to speak of.
 * Deterministic: a seeded generator, integers in hundredths, no floating point in the figures.
 */
export const HISTORY_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;
const LAST_ACTUAL_YEAR = 2025;
export const PEERS_PER_TYPE = 6;

/** mulberry32: small, fast and the same sequence on every platform (integer operations only). */
function generator(seed: number): (bound: number) => number {
  let state = seed >>> 0;
  return (bound) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return (((mixed ^ (mixed >>> 14)) >>> 0) % bound) | 0;
  };
}

/** Hundredths as decimal text: 12345 → "123.45", 9000 → "90". */
function hundredths(value: number): string {
  const whole = Math.trunc(value / 100);
  const rest = value % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0')}`.replace(/0$/, '');
}

interface Shape {
  /** First year's target in hundredths, from the generator. */
  readonly base: (next: (bound: number) => number) => number;
  /** Yearly improvement of the target, in per mille (≥: it grows; ≤: it falls). */
  readonly drift: number;
  /** Largest allowed value (percentages). */
  readonly cap?: number;
  /** Whole numbers only (counts). */
  readonly whole?: boolean;
}

const PERCENT: Shape = { base: (next) => 8500 + next(14) * 100, drift: 5, cap: 10000, whole: true };
const COUNT: Shape = { base: (next) => (20 + next(480)) * 100, drift: 60, whole: true };
const MONEY: Shape = { base: (next) => 100 + next(4900), drift: 20 };
const YEARS: Shape = { base: (next) => (10 + next(40)) * 100, drift: 0, whole: true };

/** Dates and rates around zero (成本控制率 ≤0) have no history worth a median. */
function shapeOf(unit: string | null, hint: string | null): Shape | undefined {
  if (!unit || unit === '日期' || hint === '≤0') return undefined;
  if (unit === '%') return PERCENT;
  if (unit === '年') return YEARS;
  if (/元|亿/.test(unit)) return MONEY;
  return COUNT;
}

const round = (value: number, whole: boolean | undefined) => (whole ? Math.round(value / 100) * 100 : Math.round(value));

/** Adds the history rows; about 2,300 rows in a few multi-row inserts. */
export async function seedLibraryHistory(db: Queryable, units: readonly { id: string; name: string }[]): Promise<number> {
  const entries = await db.select().from(indicatorLibrary).orderBy(asc(indicatorLibrary.code));
  const next = generator(20201231);
  const rows: Record<string, string | number | null>[] = [];
  for (const entry of entries) {
    const shape = shapeOf(entry.unit, entry.targetHint);
    if (!shape) continue;
    const lower = entry.direction === '<=' || entry.direction === '<';
    for (let peer = 1; peer <= PEERS_PER_TYPE; peer += 1) {
      const unit = units[(peer - 1) % units.length];
      const code = `LS-${entry.code.slice(0, 2)}-${String(peer).padStart(2, '0')}`;
      let target = shape.base(next);
      if (lower && shape === PERCENT) target = 9000 + next(10) * 100;
      for (const year of HISTORY_YEARS) {
        const capped = shape.cap ? Math.min(target, shape.cap) : target;
        const shown = round(capped, shape.whole);
        // Actuals land around the target: within −8 % … +10 % for ≥, mirrored for ≤.
        const swing = (next(19) - 8) * 10;
        const raw = shown + Math.trunc((shown * (lower ? -swing : swing)) / 1000);
        const actual = round(shape.cap ? Math.min(raw, shape.cap) : raw, shape.whole);
        rows.push({
          library_entry_id: entry.id,
          fiscal_year: year,
          project_code: code,
          project_name: `${entry.category}类项目 ${String(peer).padStart(2, '0')}（历史示例）`,
          organisation_id: unit?.id ?? null,
          organisation_name: unit?.name ?? '示例单位',
          direction: entry.direction,
          unit: entry.unit,
          target: hundredths(Math.max(shown, 0)),
          target_text: `${entry.direction === '<=' ? '≤' : '≥'}${hundredths(Math.max(shown, 0))}${entry.unit ?? ''}`,
          actual: year <= LAST_ACTUAL_YEAR ? hundredths(Math.max(actual, 0)) : null,
          source: 'history',
        });
        target += Math.trunc((target * (lower ? -shape.drift : shape.drift)) / 1000);
      }
    }
  }
  // One statement with one parameter: binding ~35,000 parameters costs PGlite more than the rows do.
  await db.execute(sql`
    insert into ${indicatorUsage} (library_entry_id, fiscal_year, project_code, project_name, organisation_id,
                                   organisation_name, direction, unit, target, target_text, actual, source)
    select library_entry_id, fiscal_year, project_code, project_name, organisation_id,
           organisation_name, direction, unit, target, target_text, actual, source
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
           library_entry_id uuid, fiscal_year integer, project_code text, project_name text, organisation_id uuid,
           organisation_name text, direction text, unit text, target numeric, target_text text, actual numeric, source text)`);
  await refreshAllUsageValues(db);
  return rows.length;
}
