/**
 * Where to go after signing in: the page the user was sent away from, if it is a path inside the
 * app. Anything else (another origin, "//evil.example", the login page itself) goes to the start page.
 */
export function safeReturnPath(state: unknown): string {
  const from = typeof state === 'object' && state !== null && 'from' in state ? state.from : undefined;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) return '/';
  return from;
}
