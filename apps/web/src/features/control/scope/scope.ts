/**
 * Every internal-control page works on one organisation (with the units below it) and one fiscal
 * year. The choice lives in the URL (?org=…&year=2024) so a view can be bookmarked and shared, and
 * is remembered for the session so moving between the pages keeps it.
 */
export interface ScopeChoice {
  readonly organisationId?: string | undefined;
  readonly fiscalYear?: number | undefined;
}

export function readScope(search: URLSearchParams): ScopeChoice {
  const organisationId = search.get('org') ?? undefined;
  const year = Number(search.get('year'));
  return { organisationId: organisationId || undefined, fiscalYear: Number.isInteger(year) && year > 1900 ? year : undefined };
}

export function writeScope(search: URLSearchParams, scope: ScopeChoice): URLSearchParams {
  const next = new URLSearchParams(search);
  if (scope.organisationId) next.set('org', scope.organisationId);
  else next.delete('org');
  if (scope.fiscalYear) next.set('year', String(scope.fiscalYear));
  else next.delete('year');
  return next;
}

/**
 * The organisation to show: the one asked for if the user can see it, else the user's own, else
 * the first visible one. Undefined while the list is not known.
 */
export function pickOrganisation(
  requested: string | undefined,
  visible: readonly { id: string }[],
  own: string | undefined,
): string | undefined {
  const ids = new Set(visible.map((organisation) => organisation.id));
  if (requested && ids.has(requested)) return requested;
  if (own && ids.has(own)) return own;
  return visible[0]?.id;
}

/**
 * The year to show: the one asked for, else the latest year the organisation has budget lines in
 * (the demo's ledger is FY2024 while FY2025 is already open), else the latest configured year.
 */
export function pickYear(requested: number | undefined, withLines: readonly number[], configured: readonly number[]): number | undefined {
  if (requested) return requested;
  const latest = (years: readonly number[]) => (years.length ? Math.max(...years) : undefined);
  return latest(withLines) ?? latest(configured);
}

/** Years to offer, newest first: configured ones, those with budget lines, and the chosen one. */
export function yearChoices(configured: readonly number[], withLines: readonly number[], chosen: number | undefined): number[] {
  const years = new Set([...configured, ...withLines]);
  if (chosen) years.add(chosen);
  return [...years].sort((a, b) => b - a);
}
