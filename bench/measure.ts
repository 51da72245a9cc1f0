/**
 * Helpers for one benchmark case, run in its own process so that peak memory (maxRSS) belongs to
 * that case alone. A case prints one JSON line that the runner turns into a table row.
 */
export interface Figure {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  /** The target the issue sets, shown beside the figure ("< 1000 ms"). */
  readonly aim?: string;
}

export async function timed<T>(run: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const start = process.hrtime.bigint();
  const result = await run();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Median of `repeat` runs after one warm-up, so JIT start-up does not dominate a sub-second figure. */
export async function medianMs(repeat: number, run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < repeat; index += 1) times.push((await timed(run)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function report(name: string, figures: readonly Figure[]): void {
  process.stdout.write(`${JSON.stringify({ name, figures })}\n`);
}
