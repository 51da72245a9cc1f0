import { ApiError } from './api-error.ts';

/**
 * An internal-control refusal: HTTP 422 with code CONTROL_RULE_VIOLATED and one detail per broken
 * rule, `{ code, path, message, confirmable }`. Every rule is shown, not only the first.
 */
export const CONTROL_RULE_VIOLATED = 'CONTROL_RULE_VIOLATED';

export interface ControlViolation {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  /** A soft stop the user may override by confirming (疑似重复 → 确认非重复). */
  readonly confirmable: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The broken rules of a refusal, or null when the error is something else. */
export function controlViolations(error: unknown): ControlViolation[] | null {
  if (!(error instanceof ApiError) || error.code !== CONTROL_RULE_VIOLATED) return null;
  const details = Array.isArray(error.details) ? error.details : [];
  const violations = details.flatMap((entry: unknown): ControlViolation[] =>
    isRecord(entry) && typeof entry.message === 'string'
      ? [
          {
            code: typeof entry.code === 'string' ? entry.code : CONTROL_RULE_VIOLATED,
            path: typeof entry.path === 'string' ? entry.path : '',
            message: entry.message,
            confirmable: entry.confirmable === true,
          },
        ]
      : [],
  );
  // A refusal without usable details still says why, in its message.
  return violations.length > 0 ? violations : [{ code: CONTROL_RULE_VIOLATED, path: '', message: error.message, confirmable: false }];
}

/** Whether every broken rule may be confirmed away, so a resubmission with the confirmation can pass. */
export const onlyConfirmable = (violations: readonly ControlViolation[]) =>
  violations.length > 0 && violations.every((violation) => violation.confirmable);
