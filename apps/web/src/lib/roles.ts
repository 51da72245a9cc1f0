import type { SessionAccess } from '@jixiao/contract';

/**
 * The pages of the side menu. Which of them a user sees, like every other decision about roles, is
 * the server's: the session carries `access.pages` (the server's navigation policy), and records
 * carry `permissions`; the app keeps no list of roles of its own.
 */
export type NavKey = SessionAccess['pages'][number];
