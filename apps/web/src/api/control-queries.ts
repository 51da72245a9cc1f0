import type {
  AssetFilter,
  BudgetLineFilter,
  ContractFilter,
  GrantFilter,
  GrantSummaryFilter,
  ImportJob,
  LedgerMetric,
  LedgerQuery,
  MetricTermKey,
  PaymentFilter,
  ProcurementFilter,
} from '@jixiao/contract';
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { changesOf, invalidate, invalidateOnConflict } from './control-cache.ts';
import {
  assetApi,
  auditApi,
  budgetApi,
  contractApi,
  ledgerApi,
  ledgerImportApi,
  paymentApi,
  procurementApi,
  selfAssessmentApi,
  subsidyApi,
} from './endpoints.ts';
import {
  assetKeys,
  auditKeys,
  budgetLineKeys,
  contractKeys,
  grantKeys,
  importJobKeys,
  ledgerKeys,
  paymentKeys,
  procurementKeys,
  recipientKeys,
  selfAssessmentKeys,
  stocktakeKeys,
} from './query-keys.ts';
import type { AuditFilter } from './types.ts';

// Internal-control records pass from post to post (经办 → 审核 → 审批 → 支付), each a different user, so
// what is shown is read afresh whenever a page or drawer opens (the cached answer shows meanwhile) and
// the light lists refetch when the window regains focus. The app's own writes invalidate what they change
// (control-cache.ts). A null filter or id means the page does not know it yet: nothing is read.
const CONTROL_STALE_MS = 0;
const list = { staleTime: CONTROL_STALE_MS, refetchOnWindowFocus: true } as const;
const record = { staleTime: CONTROL_STALE_MS } as const;

type Filter = Parameters<typeof paymentKeys.list>[0];

/** One record by id; a null id reads nothing. */
function useRecord<T>(keys: { one: (id: string) => QueryKey }, read: (id: string) => Promise<T>, id: string | null) {
  return useQuery({ queryKey: keys.one(id ?? ''), queryFn: () => read(id ?? ''), enabled: id !== null, ...record });
}

/** A list by filter; a null filter (the page's scope not known yet) reads nothing. */
function useList<F extends Filter, T>(keys: { list: (filter: Filter) => QueryKey }, read: (filter: F) => Promise<T>, filter: F | null) {
  return useQuery({ queryKey: keys.list(filter ?? {}), queryFn: () => read(filter as F), enabled: filter !== null, ...list });
}

export function useBudgetLines(filter: BudgetLineFilter | null, enabled = true) {
  return useQuery({
    queryKey: budgetLineKeys.list(filter ?? {}),
    queryFn: () => budgetApi.lines(filter ?? {}),
    enabled: enabled && filter !== null,
    ...list,
  });
}

export function useBudgetLine(id: string | null) {
  return useRecord(budgetLineKeys, budgetApi.line, id);
}

export function useLedgerOverview(query: LedgerQuery | null) {
  return useQuery({
    queryKey: ledgerKeys.overview(query ?? {}),
    queryFn: () => ledgerApi.overview(query as LedgerQuery),
    enabled: query !== null,
    ...record,
  });
}

export function useLedgerDrill(query: (LedgerQuery & { metric: LedgerMetric; term: MetricTermKey }) | null) {
  return useQuery({
    queryKey: ledgerKeys.drill(query ?? {}),
    queryFn: () => ledgerApi.drill(query as LedgerQuery & { metric: LedgerMetric; term: MetricTermKey }),
    enabled: query !== null,
    ...record,
  });
}

export function useLedgerRollup(fiscalYear: number) {
  return useQuery({ queryKey: ledgerKeys.rollup(fiscalYear), queryFn: () => ledgerApi.rollup(fiscalYear), ...record });
}

/**
 * The years in which an organisation has a ledger: those it has budget lines in, and those with payments
 * anywhere the user oversees (a finance bureau has no lines of its own).
 */
export function useYearsWithLedger(organisationId: string | undefined, configured: readonly number[], enabled: boolean) {
  return useQuery({
    queryKey: ledgerKeys.yearsWithData(organisationId ?? '', configured),
    queryFn: async () => {
      const [lines, ...rollups] = await Promise.all([
        budgetApi.lines({ organisationId }),
        ...configured.map((year) => ledgerApi.rollup(year).then((answer) => (answer.rows.length > 0 ? [year] : []))),
      ]);
      return [...new Set([...lines.items.map((line) => line.fiscalYear), ...rollups.flat()])];
    },
    enabled: enabled && organisationId !== undefined,
    ...record,
  });
}

export function usePayments(filter: PaymentFilter | null) {
  return useList(paymentKeys, paymentApi.list, filter);
}

export function usePayment(id: string | null) {
  return useRecord(paymentKeys, paymentApi.get, id);
}

export function useProcurements(filter: ProcurementFilter | null) {
  return useList(procurementKeys, procurementApi.list, filter);
}

export function useContracts(filter: ContractFilter | null) {
  return useList(contractKeys, contractApi.list, filter);
}

export function useContract(id: string | null) {
  return useRecord(contractKeys, contractApi.get, id);
}

export function useAssets(filter: AssetFilter | null) {
  return useList(assetKeys, assetApi.list, filter);
}

export function useAsset(id: string | null) {
  return useRecord(assetKeys, assetApi.get, id);
}

export function useStocktakes(organisationId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: stocktakeKeys.list({ organisationId }),
    queryFn: () => assetApi.stocktakes(organisationId),
    enabled,
    ...list,
  });
}

export function useStocktake(id: string | null) {
  return useRecord(stocktakeKeys, assetApi.stocktake, id);
}

export function useRecipients(search: string) {
  return useQuery({ queryKey: recipientKeys.list({ q: search }), queryFn: () => subsidyApi.recipients(search || undefined), ...list });
}

export function useGrants(filter: GrantFilter | null) {
  return useList(grantKeys, subsidyApi.grants, filter);
}

export function useGrant(id: string | null) {
  return useRecord(grantKeys, subsidyApi.grant, id);
}

export function useGrantSummary(filter: GrantSummaryFilter | null) {
  return useQuery({
    queryKey: grantKeys.summary(filter ?? {}),
    queryFn: () => subsidyApi.summary(filter ?? {}),
    enabled: filter !== null,
    ...list,
  });
}

export function useOverdueFollowUps(organisationId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: grantKeys.overdue(organisationId),
    queryFn: () => subsidyApi.overdue(organisationId),
    enabled,
    ...list,
  });
}

export function useSelfAssessment(scope: { organisationId: string; fiscalYear: number } | null) {
  return useQuery({
    queryKey: selfAssessmentKeys.one(scope?.organisationId ?? '', scope?.fiscalYear ?? 0),
    queryFn: () => selfAssessmentApi.get(scope?.organisationId ?? '', scope?.fiscalYear ?? 0),
    enabled: scope !== null,
    ...record,
  });
}

/** Saving answers the assessment as it now stands: the cache takes it as it is (new version, totals), nothing is read again. */
export function useSaveSelfAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: selfAssessmentApi.save,
    onSuccess: (answer) => {
      client.setQueryData(selfAssessmentKeys.one(answer.organisationId, answer.fiscalYear), answer);
      invalidate(client, [auditKeys.all]);
    },
    onError: (error, body) => invalidateOnConflict(client, [selfAssessmentKeys.one(body.organisationId, body.fiscalYear)], error),
  });
}

export const IMPORT_POLL_MS = 700;

/** How soon to read an import job again: while it runs, every IMPORT_POLL_MS; once done or failed (or unreadable), never. */
export function importPollInterval(job: Pick<ImportJob, 'status'> | undefined, unreadable: boolean): number | false {
  if (unreadable) return false;
  if (job && (job.status === 'done' || job.status === 'failed')) return false;
  return IMPORT_POLL_MS;
}

/**
 * An import job, followed until it is done or failed. A finished job does not change: it is never read
 * again; a job done created lines or payments, so what they feed is read again.
 */
export function useImportJob(id: string | null) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: importJobKeys.one(id ?? ''),
    queryFn: () => ledgerImportApi.job(id ?? ''),
    enabled: id !== null,
    refetchInterval: (query) => importPollInterval(query.state.data, query.state.status === 'error'),
    staleTime: (query) => (importPollInterval(query.state.data, false) === false ? Number.POSITIVE_INFINITY : 0),
  });
  const done = query.data?.status === 'done';
  useEffect(() => {
    if (done) invalidate(client, changesOf.ledgerImport());
  }, [done, client]);
  return query;
}

/** 哈希链校验 reads every entry, so it runs on demand (a mutation), never on page load. */
export function useAuditVerification() {
  return useMutation({ mutationFn: () => auditApi.verify() });
}

/** The audit log changes with every write anywhere: it is read afresh when shown or refocused. */
export function useAuditPage(filter: AuditFilter) {
  return useQuery({ queryKey: auditKeys.page(filter), queryFn: () => auditApi.page(filter), ...list });
}

/** The people of the 操作人 filter: everyone who acted where the reader may look. */
export function useAuditActors() {
  return useQuery({ queryKey: auditKeys.actors, queryFn: () => auditApi.actors(), ...list });
}
