import type { Role } from './roles.ts';

/** read: the list of a year's results and their suggestions; decide: record the next-year treatment. */
export type ResultAction = 'read' | 'decide';

/**
 * 结果应用: the finance bureau decides how a result is applied to the next year's budget, so only its
 * reviewer (财政审核人) decides; the department's reviewer reads its own department's results, the
 * auditor and the administrator read. The decision is the bureau's own act on an evaluation the unit
 * prepared, so segregation from the preparer holds by the posts themselves.
 */
export const resultsPolicy = {
  posts: {
    read: ['finance-reviewer', 'department-reviewer', 'auditor'],
    decide: ['finance-reviewer'],
  } satisfies Readonly<Record<ResultAction, readonly Role[]>>,
} as const;
