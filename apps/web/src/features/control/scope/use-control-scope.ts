import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { adminApi, budgetApi, ledgerApi } from '../../../api/endpoints.ts';
import type { Organisation } from '../../../api/types.ts';
import { useApi } from '../../../api/use-api.ts';
import { useSession } from '../../../auth/SessionProvider.tsx';
import { pickOrganisation, pickYear, readScope, type ScopeChoice, writeScope, yearChoices } from './scope.ts';

const STORAGE_KEY = 'jixiao.control.scope';

function stored(): ScopeChoice {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return {};
    const record = value as Record<string, unknown>;
    return {
      organisationId: typeof record.organisationId === 'string' ? record.organisationId : undefined,
      fiscalYear: typeof record.fiscalYear === 'number' ? record.fiscalYear : undefined,
    };
  } catch {
    // Storage disabled or garbled: start from the defaults.
    return {};
  }
}

function remember(scope: ScopeChoice): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(scope));
  } catch {
    // Not remembered; the URL still carries it.
  }
}

export interface ControlScope {
  readonly organisationId: string | undefined;
  readonly fiscalYear: number | undefined;
  readonly organisation: Organisation | undefined;
  /**
   * The organisationId for the list endpoints. Those filter on the organisation itself, while the
   * ledger covers the units below it too; at the top of what the user sees (a department with its
   * units, a finance bureau) leaving the filter out gives the same tree, units included.
   */
  readonly listOrganisationId: string | undefined;
  /** Every organisation the user can see, for pickers and for roles reaching down the tree. */
  readonly organisations: readonly Organisation[];
  readonly years: readonly number[];
  readonly loading: boolean;
  readonly set: (patch: ScopeChoice) => void;
}

/** The organisation and year of an internal-control page (see scope.ts), resolved against what the user may see. */
export function useControlScope(): ControlScope {
  const [search, setSearch] = useSearchParams();
  const { session } = useSession();
  const organisations = useApi('organisations', adminApi.organisations);
  const fiscalYears = useApi('fiscal-years', adminApi.fiscalYears);
  const fromUrl = readScope(search);
  const fallback = useMemo(stored, []);
  const requested = {
    organisationId: fromUrl.organisationId ?? fallback.organisationId,
    fiscalYear: fromUrl.fiscalYear ?? fallback.fiscalYear,
  };
  const items = organisations.data?.items ?? [];
  const organisationId = pickOrganisation(requested.organisationId, items, session?.user.organisationId);
  const configured = (fiscalYears.data?.items ?? []).map((year) => year.year);
  // Without a year asked for, the years with a ledger decide: those the organisation has budget
  // lines in, and those with payments anywhere the user oversees (a finance bureau has no lines of
  // its own). A new year appears once its lines are set up.
  const lookForYears = organisationId !== undefined && !requested.fiscalYear && fiscalYears.data !== undefined;
  const withData = useApi(lookForYears ? `scope-years:${organisationId}:${configured.join(',')}` : null, async () => {
    const [lines, ...rollups] = await Promise.all([
      budgetApi.lines({ organisationId }),
      ...configured.map((year) => ledgerApi.rollup(year).then((answer) => (answer.rows.length > 0 ? [year] : []))),
    ]);
    return [...new Set([...lines.items.map((line) => line.fiscalYear), ...rollups.flat()])];
  });
  const withLines = withData.data ?? [];
  const waitingForYears = !requested.fiscalYear && (fiscalYears.loading || withData.loading);
  const fiscalYear = waitingForYears ? undefined : pickYear(requested.fiscalYear, withLines, configured);

  useEffect(() => {
    if (organisationId && fiscalYear) remember({ organisationId, fiscalYear });
  }, [organisationId, fiscalYear]);

  const set = useCallback(
    (patch: ScopeChoice) => {
      setSearch((current) => writeScope(current, { organisationId, fiscalYear, ...patch }), { replace: true });
    },
    [fiscalYear, organisationId, setSearch],
  );

  const organisation = items.find((item) => item.id === organisationId);
  const isTop = organisation !== undefined && !items.some((item) => item.id === organisation.parentId);
  const hasUnits = organisation !== undefined && items.some((item) => item.parentId === organisation.id);
  return {
    organisationId,
    fiscalYear,
    organisation,
    listOrganisationId: isTop && hasUnits ? undefined : organisationId,
    organisations: items,
    years: yearChoices(configured, withLines, fiscalYear),
    loading: organisations.loading || (!organisationId && !organisations.error) || !fiscalYear,
    set,
  };
}
