import { type AuditEntityType, type ControlAccess, ROLE_LABEL, type Role } from '@jixiao/contract';
import { control, policy } from '@jixiao/core';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { controlRefusals, controlSettings } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { ancestorIds } from '../organisations/organisation.repository.ts';
import { isOutOfScope } from '../policies/scope.ts';

/** The roles the principal holds over an organisation (roles reach down the tree). */
export async function postsOver(db: Queryable, ctx: RequestContext, organisationId: string): Promise<Role[]> {
  const chain = new Set(await ancestorIds(db, organisationId));
  if (chain.size === 0) throw notFound('单位');
  return ctx.principal.roles.filter((grant) => chain.has(grant.organisationId)).map((grant) => grant.role);
}

/**
 * Refuses unless the principal holds one of `roles` over the organisation; reading needs any role
 * there. A record of an organisation the principal cannot see is reported missing, named `what` as
 * the caller names it when the id is unknown (default: the organisation itself, for creations), so a
 * write on it answers exactly what a read or an unknown id does; 403 only for a record one may see.
 */
export async function requirePost(
  db: Queryable,
  ctx: RequestContext,
  organisationId: string,
  roles: readonly Role[] | 'any',
  what = '单位',
): Promise<Role[]> {
  const held = await postsOver(db, ctx, organisationId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound(what) : error;
  });
  if (isOutOfScope(ctx.principal, held)) throw notFound(what);
  if (roles === 'any') return held;
  if (!roles.some((role) => held.includes(role))) {
    throw new AppError('FORBIDDEN', `此操作须由${roles.map((role) => ROLE_LABEL[role]).join('或')}执行`);
  }
  return held;
}

/** The deployment's control thresholds: defaults with the administrator's overrides. */
export async function controlConfig(db: Queryable): Promise<control.ControlConfig> {
  const [row] = await db.select().from(controlSettings).where(eq(controlSettings.id, 1));
  const overrides = (row?.config ?? {}) as Partial<control.ControlConfig>;
  return {
    ...control.DEFAULT_CONTROL_CONFIG,
    ...overrides,
    publicTenderFromFen: { ...control.DEFAULT_CONTROL_CONFIG.publicTenderFromFen, ...(overrides.publicTenderFromFen ?? {}) },
  };
}

/** An internal-control refusal, thrown inside the step's transaction and recorded after it rolls back. */
export class ControlRefusal extends AppError {
  readonly subject: { organisationId: string; entityType: AuditEntityType; entityId?: string | undefined };
  readonly violations: readonly control.ControlViolation[];

  constructor(subject: ControlRefusal['subject'], violations: readonly control.ControlViolation[]) {
    const first = violations[0];
    const message =
      violations.length === 1 && first
        ? first.message
        : `违反 ${violations.length} 项内部控制规则：${violations.map((violation) => violation.message).join('；')}`;
    super(
      'CONTROL_RULE_VIOLATED',
      message,
      violations.map((violation) => ({
        code: violation.code,
        path: violation.field ? `body.${violation.field}` : 'body',
        message: violation.message,
        confirmable: violation.confirmable ?? false,
      })),
    );
    this.subject = subject;
    this.violations = violations;
  }
}

/** Throws when any rule is broken: 422 with every rule's code, field and Chinese reason. */
export function refuseIfViolated(subject: ControlRefusal['subject'], violations: readonly control.ControlViolation[]): void {
  if (violations.length > 0) throw new ControlRefusal(subject, violations);
}

/**
 * Runs a controlled step. When it is refused, the refusal is recorded after its transaction has
 * rolled back (refusals are the evidence that the controls act, 内部控制基础性评价) and re-thrown.
 */
export async function controlled<T>(deps: Deps, ctx: RequestContext, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ControlRefusal) {
      await deps.db.insert(controlRefusals).values(
        error.violations.map((violation) => ({
          organisationId: error.subject.organisationId,
          userId: ctx.principal.userId,
          ruleCode: violation.code,
          entityType: error.subject.entityType,
          entityId: error.subject.entityId ?? null,
          message: violation.message,
        })),
      );
    }
    throw error;
  }
}

/**
 * What the user may create or run in one unit (the control pages' collection-level actions), by the
 * entities' policies; reading the unit needs any post there, as for its records.
 */
export async function controlAccess(db: Queryable, ctx: RequestContext, organisationId: string): Promise<z.infer<typeof ControlAccess>> {
  const posts = await requirePost(db, ctx, organisationId, 'any');
  const may = (wanted: readonly Role[]) => policy.holdsAny(posts, wanted);
  return {
    organisationId,
    permissions: {
      createBudgetLine: may(policy.budgetLinePolicy.posts.create),
      requestPayment: may(policy.paymentPolicy.posts.request),
      createProcurement: may(policy.procurementPolicy.posts.create),
      signContract: may(policy.contractPolicy.posts.sign),
      createAssetCards: may(policy.assetPolicy.posts.cards),
      stocktake: may(policy.assetPolicy.posts.stocktake),
      createRecipient: may(policy.subsidyPolicy.posts.recipient),
      createGrant: may(policy.subsidyPolicy.posts.grant),
      followUp: may(policy.subsidyPolicy.posts.followUp),
      importLedger: may(policy.importPolicy.posts.run),
      editSelfAssessment: may(policy.selfAssessmentPolicy.posts.edit),
    },
  };
}
