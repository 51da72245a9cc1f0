/**
 * When the server ends an idle session. It records activity at most once a minute
 * (auth.service TOUCH_EVERY_MS), so it may end the session up to a minute before
 * `last request + idle timeout`, never after. The warning therefore starts a minute earlier than
 * the two minutes it promises, and the app asks the server only once the session has surely ended:
 * asking earlier would itself count as activity and keep the session alive.
 */
const SERVER_TOUCH_LAG_MS = 60_000;
const WARNING_MS = 2 * 60_000;
/** Ask the server this long after the latest possible end, to be past it. */
const CHECK_MARGIN_MS = 5_000;

/** The latest moment the server can still consider the session active. */
export function sessionEndsAt(lastActivity: number, idleTimeoutMinutes: number): number {
  return lastActivity + idleTimeoutMinutes * 60_000;
}

/** How long before `sessionEndsAt` to warn; at most half the timeout, so a short one is not all warning. */
export function warnBeforeMs(idleTimeoutMinutes: number): number {
  return Math.min(WARNING_MS + SERVER_TOUCH_LAG_MS, (idleTimeoutMinutes * 60_000) / 2);
}

/** Whether the session has surely ended, so asking the server cannot prolong it. */
export function hasSurelyEnded(remainingMs: number): boolean {
  return remainingMs <= -CHECK_MARGIN_MS;
}

/** "4:05" for a countdown. */
export function formatCountdown(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
