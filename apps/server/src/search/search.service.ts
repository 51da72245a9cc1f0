import type { SearchHit, SearchKind, SearchResults } from '@jixiao/contract';
import type { Deps, RequestContext } from '../context.ts';
import { containsPattern } from '../db/like.ts';
import { scopeOf } from '../policies/scope.ts';
import * as repo from './search.repository.ts';

/** Where each kind of hit opens: the page the record is handled on. */
const LINK: Readonly<Record<SearchKind, (id: string) => string>> = {
  evaluation: (id) => `/evaluations/${id}`,
  declaration: (id) => `/declarations/${id}`,
  payment: (id) => `/control/payments?payment=${id}`,
  contract: (id) => `/control/contracts?contract=${id}`,
};

const SEARCHES: Readonly<Record<SearchKind, typeof repo.searchEvaluations>> = {
  evaluation: repo.searchEvaluations,
  declaration: repo.searchDeclarations,
  payment: repo.searchPayments,
  contract: repo.searchContracts,
};

/**
 * 全局搜索: evaluations and declarations by project name or code and by unit, payments by payee,
 * purpose or invoice number, contracts by title, number or supplier, within what the reader may see.
 * What was typed is matched literally (% and _ are not wildcards).
 */
export async function search(deps: Deps, ctx: RequestContext, query: { q: string; limit: number }): Promise<SearchResults> {
  const where = { pattern: containsPattern(query.q), scope: scopeOf(ctx.principal), limit: query.limit };
  const kinds = Object.keys(SEARCHES) as SearchKind[];
  const found = await Promise.all(kinds.map((kind) => SEARCHES[kind](deps.db, where)));
  const items: SearchHit[] = kinds.flatMap((kind, index) =>
    (found[index] ?? []).map((hit) => ({ ...hit, kind, link: LINK[kind](hit.id) })),
  );
  return { q: query.q, items };
}
