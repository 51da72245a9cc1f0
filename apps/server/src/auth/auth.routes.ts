import { ChangePasswordRequest, LoginRequest, Ok, SessionResponse } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { clearSessionCookie, contextOf, setSessionCookie } from '../http/session-plugin.ts';
import { sessionAccess } from '../policies/access.ts';
import { changePassword, currentUser, login, logout } from './auth.service.ts';

export const authRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/login',
      { config: { public: true }, schema: { tags: ['auth'], summary: '登录', body: LoginRequest, response: { 200: SessionResponse } } },
      async (request, reply) => {
        const { token, principal } = await login(deps, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          requestId: request.id,
        });
        setSessionCookie(reply, token, deps.config.cookieSecure, deps.config.SESSION_MAX_HOURS * 3600);
        return {
          user: await currentUser(deps, principal),
          csrfToken: principal.csrfToken,
          idleTimeoutMinutes: deps.config.SESSION_IDLE_MINUTES,
          access: sessionAccess(principal),
        };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { allowPasswordChange: true },
        schema: { tags: ['auth'], summary: '当前用户与安全令牌', response: { 200: SessionResponse } },
      },
      async (request) => {
        const { principal } = contextOf(request);
        return {
          user: await currentUser(deps, principal),
          csrfToken: principal.csrfToken,
          idleTimeoutMinutes: deps.config.SESSION_IDLE_MINUTES,
          access: sessionAccess(principal),
        };
      },
    );

    app.get(
      '/api/auth/status',
      {
        config: { allowPasswordChange: true, passive: true },
        schema: {
          tags: ['auth'],
          summary: '会话状态：何时因长时间未操作而失效（查询本身不算操作）',
          response: { 200: z.object({ idleExpiresAt: z.string() }) },
        },
      },
      async (request) => ({ idleExpiresAt: (contextOf(request).principal.idleExpiresAt ?? new Date()).toISOString() }),
    );

    app.post(
      '/api/auth/logout',
      { config: { allowPasswordChange: true }, schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok } } },
      async (request, reply) => {
        await logout(deps, contextOf(request));
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { allowPasswordChange: true },
        schema: { tags: ['auth'], summary: '修改密码', body: ChangePasswordRequest, response: { 200: Ok } },
      },
      async (request) => {
        await changePassword(deps, contextOf(request), request.body.currentPassword, request.body.newPassword);
        return { ok: true as const };
      },
    );
  };
