/** Years to offer in a year picker: the configured fiscal years, those of the listed evaluations, the chosen one. */
export function yearOptions(
  fiscalYears: readonly { year: number }[],
  evaluations: readonly { fiscalYear: number }[],
  chosen?: number,
): number[] {
  const years = new Set<number>([...fiscalYears.map((entry) => entry.year), ...evaluations.map((entry) => entry.fiscalYear)]);
  if (chosen !== undefined) years.add(chosen);
  return [...years].sort((a, b) => b - a);
}
