import type { CreateRecipient, Recipient } from '@jixiao/contract';
import { control, policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { forbidden, rethrowUnique, validationFailed } from '../../errors.ts';
import { controlled, refuseIfViolated, requirePost } from '../control-access.ts';
import * as repo from './subsidy.repository.ts';

function presentRecipient(row: Awaited<ReturnType<typeof repo.findRecipients>>[number]): z.infer<typeof Recipient> {
  const { recipient } = row;
  return {
    id: recipient.id,
    name: recipient.name,
    uscc: recipient.uscc,
    contact: recipient.contact,
    grantCount: Number(row.grantCount),
    createdAt: recipient.createdAt.toISOString(),
    version: recipient.version,
  };
}

/** The register of recipients is shared by every unit (one enterprise, one record); reading it needs a post somewhere. */
export async function listRecipients(deps: Deps, ctx: RequestContext, search?: string) {
  if (ctx.principal.roles.length === 0) throw forbidden('没有任何岗位，不能查看补贴对象');
  return (await repo.findRecipients(deps.db, search)).map(presentRecipient);
}

/** 补贴对象 registered by an 经办人: a valid 统一社会信用代码, not already registered. */
export async function createRecipient(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreateRecipient>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      await requirePost(tx, ctx, body.organisationId, policy.subsidyPolicy.posts.recipient);
      const uscc = control.checkUscc('uscc', '补贴对象', body.uscc);
      refuseIfViolated({ organisationId: body.organisationId, entityType: 'subsidy-recipient' }, uscc.violations);
      const duplicate = await repo.findRecipientByUscc(tx, uscc.code);
      const taken = (name: string) => `统一社会信用代码 ${uscc.code} 已登记为“${name}”，无需重复登记`;
      if (duplicate) throw validationFailed([{ path: 'body.uscc', message: taken(duplicate.name) }]);
      const created = await repo
        .insertRecipient(tx, { name: body.name, uscc: uscc.code, contact: body.contact || null })
        .catch((error: unknown) => rethrowUnique(error, 'body.uscc', taken(body.name)));
      await recordAudit(tx, ctx, {
        entityType: 'subsidy-recipient',
        entityId: created.id,
        action: 'create',
        organisationId: body.organisationId,
        after: created,
      });
      return created;
    }),
  );
}
