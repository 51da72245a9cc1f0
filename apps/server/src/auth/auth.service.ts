import { createHash, randomBytes } from 'node:crypto';
import type { CurrentUser, RoleGrant } from '@jixiao/contract';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, Principal, RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { bumpThrottle, clearThrottle, throttleFailures } from '../shared/throttle.ts';
import * as repo from './auth.repository.ts';
import { dummyPasswordHash, hashPassword, needsRehash, passwordProblems, verifyPassword } from './password.ts';

const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Touch the session at most once a minute: idle timeout needs minutes, not a write per request. */
const TOUCH_EVERY_MS = 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly ip: string;
  readonly userAgent?: string | undefined;
  readonly requestId: string;
}

/**
 * Signs a user in. Failures are counted per account (lockout after LOGIN_MAX_FAILURES for
 * LOGIN_LOCK_MINUTES) and per (username, address) window (throttling, shared by all instances),
 * and every outcome is audited. The messages never reveal whether a username exists.
 */
export async function login(deps: Deps, input: LoginInput): Promise<{ token: string; principal: Principal }> {
  const { db, config } = deps;
  const now = deps.clock();
  const throttleKey = `${input.username.toLowerCase()}|${input.ip}`;
  const attempts = await throttleFailures(db, throttleKey, now, THROTTLE_WINDOW_MS);
  if (attempts >= config.LOGIN_MAX_FAILURES * 2) {
    throw new AppError('TOO_MANY_ATTEMPTS', '登录失败次数过多，请 15 分钟后再试');
  }
  const user = await repo.findUserByUsername(db, input.username);
  const audit = { requestId: input.requestId, ip: input.ip };
  const lockUntil = new Date(now.getTime() + config.LOGIN_LOCK_MINUTES * 60_000);
  // The check is claimed before the hash is compared, so concurrent attempts cannot all read "not locked" and each check a password.
  const claim = user && (await repo.claimPasswordCheck(db, user.id, now, config.LOGIN_MAX_FAILURES, lockUntil));
  if (user && !claim) {
    const lockedUntil = (await repo.findUserById(db, user.id))?.lockedUntil ?? lockUntil;
    await recordAudit(db, audit, {
      entityType: 'user',
      entityId: user.id,
      action: 'login-refused-locked',
      organisationId: user.organisationId,
    });
    throw new AppError('ACCOUNT_LOCKED', `账户因多次登录失败已锁定，请于 ${formatTime(lockedUntil)} 后再试，或联系系统管理员解锁`, {
      lockedUntil: lockedUntil.toISOString(),
    });
  }
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash(config.PASSWORD_HASH_COST)));
  if (!user || !claim || !valid || user.disabled) {
    await db.transaction(async (tx) => {
      await bumpThrottle(tx, throttleKey, now, THROTTLE_WINDOW_MS);
      if (user)
        await recordAudit(tx, audit, {
          entityType: 'user',
          entityId: user.id,
          action: claim?.locking ? 'login-failed-locked' : 'login-failed',
          organisationId: user.organisationId,
        });
    });
    if (claim?.locking)
      throw new AppError('ACCOUNT_LOCKED', `连续 ${claim.failures} 次登录失败，账户已锁定 ${config.LOGIN_LOCK_MINUTES} 分钟`, {
        lockedUntil: lockUntil.toISOString(),
      });
    throw new AppError('INVALID_CREDENTIALS', '用户名或密码不正确');
  }
  const token = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  const csrfToken = randomBytes(24).toString('base64url');
  const principal = await toPrincipal(deps, user, sessionId, csrfToken);
  // A hash made at an older cost is replaced now, while the password is at hand; it costs one hash, once.
  const rehash = needsRehash(user.passwordHash, config.PASSWORD_HASH_COST)
    ? await hashPassword(input.password, config.PASSWORD_HASH_COST)
    : undefined;
  await db.transaction(async (tx) => {
    if (rehash) await repo.replacePasswordHash(tx, user.id, rehash);
    await repo.resetFailedLogins(tx, user.id);
    await clearThrottle(tx, throttleKey);
    await repo.insertSession(tx, {
      id: sessionId,
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.SESSION_MAX_HOURS * 3_600_000),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      tx,
      { ...audit, principal },
      { entityType: 'user', entityId: user.id, action: 'login', organisationId: user.organisationId },
    );
  });
  return { token, principal };
}

/** The principal behind a session cookie, or undefined if the session is unknown, idle too long or expired. */
export async function resolveSession(
  deps: Deps,
  token: string,
  lookup = repo.sessionLookup(deps.db),
  touch = true,
): Promise<Principal | 'expired' | undefined> {
  const { db, config } = deps;
  const now = deps.clock();
  const found = await lookup(hashToken(token));
  if (!found) return undefined;
  const { session, user, roles } = found;
  const idleLimit = session.lastSeenAt.getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt <= now || idleLimit <= now.getTime()) {
    await repo.deleteSession(db, session.id);
    return 'expired';
  }
  if (user.disabled) {
    await repo.deleteSession(db, session.id);
    return undefined;
  }
  if (touch && now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, session.id, now);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    organisationId: user.organisationId,
    roles,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    mustChangePassword: user.mustChangePassword,
    idleExpiresAt: new Date(Math.min(idleLimit, session.expiresAt.getTime())),
  };
}

export async function logout(deps: Deps, ctx: RequestContext): Promise<void> {
  await repo.deleteSession(deps.db, ctx.principal.sessionId);
  await recordAudit(deps.db, ctx, {
    entityType: 'user',
    entityId: ctx.principal.userId,
    action: 'logout',
    organisationId: ctx.principal.organisationId,
  });
}

export async function changePassword(deps: Deps, ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
  const user = await repo.findUserById(deps.db, ctx.principal.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', '请重新登录');
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', [{ path: 'body.currentPassword', message: '当前密码不正确' }]);
  }
  const problems = passwordProblems(newPassword, user);
  if (newPassword === currentPassword) problems.push('新密码不能与当前密码相同');
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      '新密码不符合要求',
      problems.map((message) => ({ path: 'body.newPassword', message })),
    );
  }
  const hash = await hashPassword(newPassword, deps.config.PASSWORD_HASH_COST);
  await deps.db.transaction(async (tx) => {
    await repo.updatePassword(tx, user.id, hash);
    // Other sessions of this user end: whoever knew the old password is signed out.
    await repo.deleteUserSessions(tx, user.id, ctx.principal.sessionId);
    await recordAudit(tx, ctx, { entityType: 'user', entityId: user.id, action: 'password-changed', organisationId: user.organisationId });
  });
}

async function toPrincipal(deps: Deps, user: repo.UserRow, sessionId: string, csrfToken: string): Promise<Principal> {
  const roles = await repo.findRoles(deps.db, user.id);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    organisationId: user.organisationId,
    roles: roles as RoleGrant[],
    sessionId,
    csrfToken,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function currentUser(deps: Deps, principal: Principal): Promise<CurrentUser> {
  const user = await repo.findUserById(deps.db, principal.userId);
  return {
    id: principal.userId,
    username: principal.username,
    displayName: principal.displayName,
    organisationId: principal.organisationId,
    organisationName: await repo.organisationName(deps.db, principal.organisationId),
    phone: user?.phone ?? null,
    locale: user?.locale ?? 'zh-CN',
    roles: [...principal.roles],
    mustChangePassword: principal.mustChangePassword,
  };
}

function formatTime(date: Date): string {
  return date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
