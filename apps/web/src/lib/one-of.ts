/**
 * Narrows a plain string from the API (Task.status, Transition.action, a library entry's direction)
 * to one of a known list, so it can pick a translation; an unknown value stays a plain string.
 */
export function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
