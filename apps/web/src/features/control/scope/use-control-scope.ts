import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useFiscalYears, useOrganisations } from '../../../api/admin-queries.ts';
import { useYearsWithLedger } from '../../../api/control-queries.ts';
import type { Organisation } from '../../../api/types.ts';
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
  const organisations = useOrganisations();
  const fiscalYears = useFiscalYears();
  const fromUrl = readScope(search);
  const fallback = useMemo(stored, []);
  const requested = {
    organisationId: fromUrl.organisationId ?? fallback.organisationId,
    fiscalYear: fromUrl.fiscalYear ?? fallback.fiscalYear,
  };
  const items = organisations.data?.items ?? [];
  const organisationId = pickOrganisation(requested.organisationId, items, session?.user.organisationId);
  const configured = (fiscalYears.data?.items ?? []).map((year) => year.year);
  // Without a year asked for, the years with a ledger decide; a new year appears once its lines are set up.
  const lookForYears = organisationId !== undefined && !requested.fiscalYear && fiscalYears.data !== undefined;
  const withData = useYearsWithLedger(organisationId, configured, lookForYears);
  const withLines = withData.data ?? [];
  const waitingForYears = !requested.fiscalYear && (fiscalYears.isPending || (lookForYears && withData.isPending));
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
    loading: organisations.isPending || (!organisationId && !organisations.error) || !fiscalYear,
    set,
  };
}
