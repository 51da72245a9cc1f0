import type { RoleGrant } from '@jixiao/contract';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';

/** The signed-in user as the server sees them on one request. */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly roles: readonly RoleGrant[];
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
  /** When the session ends if nothing else happens (idle timeout or absolute expiry). */
  readonly idleExpiresAt?: Date | undefined;
}

/** Who is asking, for services: authorisation and the audit trail need all three. */
export interface RequestContext {
  readonly principal: Principal;
  readonly requestId: string;
  readonly ip: string;
}

/** The narrow set of dependencies services take (style guide rule 5). */
export interface Deps {
  readonly db: Db;
  readonly config: Config;
  readonly clock: () => Date;
}
