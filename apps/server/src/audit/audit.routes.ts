import { AuditActorList, AuditPage, AuditQuery, AuditVerification } from '@jixiao/contract';
import { policy } from '@jixiao/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../context.ts';
import { AppError } from '../errors.ts';
import { contextOf } from '../http/session-plugin.ts';
import { descendantIds } from '../organisations/organisation.repository.ts';
import { rolesOf } from '../policies/access.ts';
import { hasRole } from '../policies/scope.ts';
import { findAudit, findAuditActors } from './audit.repository.ts';
import { namedEntries, verifyAuditChain } from './audit.service.ts';

export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    /** Administrators read everything; auditors and finance reviewers everywhere they reach; department heads their department. */
    const readableOrganisations = async (request: FastifyRequest): Promise<string[] | undefined> => {
      const { principal } = contextOf(request);
      const grants = principal.roles.filter((grant) => policy.mayReadAudit([grant.role]));
      if (grants.length === 0) throw new AppError('FORBIDDEN', '没有查看审计日志的权限');
      if (hasRole(principal, 'admin')) return undefined;
      return descendantIds(
        deps.db,
        grants.map((grant) => grant.organisationId),
      );
    };
    app.get(
      '/api/audit/actors',
      {
        schema: {
          tags: ['audit'],
          summary: '审计日志中出现过的操作人（按人筛选的选项，限于可查看的范围）',
          response: { 200: AuditActorList },
        },
      },
      async (request) => ({ items: await findAuditActors(deps.db, await readableOrganisations(request)) }),
    );
    app.get(
      '/api/audit',
      { schema: { tags: ['audit'], summary: '审计日志（谁、何时、由何改为何）', querystring: AuditQuery, response: { 200: AuditPage } } },
      async (request) => {
        const organisationIds = await readableOrganisations(request);
        const query = request.query;
        const rows = await findAudit(deps.db, {
          organisationIds,
          entityType: query.entityType,
          entityId: query.entityId,
          actor: query.actor,
          actorId: query.actorId,
          from: query.from ? new Date(`${query.from}T00:00:00+08:00`) : undefined,
          to: query.to ? new Date(`${query.to}T24:00:00+08:00`) : undefined,
          beforeId: query.beforeId,
          limit: query.limit,
        });
        return {
          items: await namedEntries(deps.db, rows).then((named) =>
            named.map(({ row, subject }) => ({
              ...row,
              at: row.at.toISOString(),
              subjectName: subject.name,
              subjectAmountFen: subject.amountFen,
            })),
          ),
          nextBeforeId: rows.length === query.limit ? (rows.at(-1)?.id ?? null) : null,
        };
      },
    );
    app.post(
      '/api/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary: '校验审计日志的哈希链：完整则返回条数，否则返回第一处断点',
          response: { 200: AuditVerification },
        },
      },
      async (request) => {
        // The whole chain is read: only administrators, not every reader, may set that going.
        if (!policy.holdsAny(rolesOf(contextOf(request).principal), policy.auditPolicy.posts.verify))
          throw new AppError('FORBIDDEN', '只有系统管理员可以校验审计日志');
        return verifyAuditChain(deps.db);
      },
    );
  };
