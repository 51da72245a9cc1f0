import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionLookup } from '../auth/auth.repository.ts';
import { resolveSession } from '../auth/auth.service.ts';
import type { Deps, Principal, RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'jx_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (login, public pages, health). */
    public?: boolean;
    /** The route stays reachable while the user must change their initial password. */
    allowPasswordChange?: boolean;
    /** Reading the route does not count as activity (the client's idle check must not keep the session alive). */
    passive?: boolean;
  }
}

/**
 * Resolves the session cookie on every /api request and refuses, before the body is read or
 * validated, a request that needs a session and has none (so strangers learn no schema and cost
 * no work). Unsafe methods must echo the session's CSRF token in `x-csrf-token` (the cookie is
 * SameSite=Lax and httpOnly; the token defeats the rest).
 */
export function installSession(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionExpired', false);
  const lookup = sessionLookup(deps.db);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(deps, token, lookup, !request.routeOptions.config.passive);
      if (resolved === 'expired') request.sessionExpired = true;
      else if (resolved) request.principal = resolved;
    }
    requireSession(request);
  });
}

/** The checks every non-public /api route needs, in the order a client should fix them. */
function requireSession(request: FastifyRequest): void {
  const config = request.routeOptions.config;
  if (config.public) return;
  if (!request.url.startsWith('/api/')) return;
  const principal = request.principal;
  if (!principal) {
    throw request.sessionExpired
      ? new AppError('SESSION_EXPIRED', '长时间未操作，登录已失效，请重新登录')
      : new AppError('UNAUTHENTICATED', '请先登录');
  }
  if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== principal.csrfToken) {
    throw new AppError('CSRF_INVALID', '页面已过期（安全令牌无效），请刷新页面后重试');
  }
  if (principal.mustChangePassword && !config.allowPasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录须先修改初始密码');
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The request's context for services; routes behind the session hook always have a principal. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', '请先登录');
  return { principal: request.principal, requestId: request.id, ip: request.ip };
}
