/**
 * What an audit entry is about, in words: the record's own name and amount as it stood after the change
 * (or before, for a deletion), read from the snapshot the entry carries, e.g. a payment request's payee
 * and amount. Null when the snapshot names nothing (a bare status step); the page then shows the kind of
 * record and its number.
 */
export interface AuditSubject {
  readonly name: string | null;
  readonly amountFen: number | null;
}

/** The first of these present in the snapshot names the record, in this order of preference. */
const NAME_FIELDS = [
  'projectName',
  'title',
  'name',
  'payeeName',
  'supplierName',
  'counterpartyName',
  'displayName',
  'username',
  'filename',
  'code',
] as const;

/** The first of these present is the record's amount (integer fen). */
const AMOUNT_FIELDS = ['amountFen', 'valueFen', 'budgetFen', 'fundsTotalFen', 'adjustedFen', 'estimatedFen', 'resultFen'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An amount as the log stored it: a number, or the text of a bigint. */
function fen(value: unknown): number | null {
  if (Number.isSafeInteger(value)) return value as number;
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
  return null;
}

export function auditSubject(before: unknown, after: unknown): AuditSubject {
  const snapshot = isRecord(after) ? after : isRecord(before) ? before : {};
  const earlier = isRecord(before) ? before : {};
  const pick = (key: string): unknown => snapshot[key] ?? earlier[key];
  const nameKey = NAME_FIELDS.find((key) => typeof pick(key) === 'string' && (pick(key) as string).trim() !== '');
  const amounts = AMOUNT_FIELDS.map((key) => fen(pick(key))).filter((value) => value !== null);
  return { name: nameKey ? (pick(nameKey) as string) : null, amountFen: amounts[0] ?? null };
}
