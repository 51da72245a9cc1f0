import {
  CreateFiscalYear,
  CreateOrganisation,
  CreateProject,
  CreateUser,
  FiscalYearList,
  ImportResult,
  InitialPassword,
  OrganisationList,
  ProjectList,
  UpdateFiscalYear,
  UpdateOrganisation,
  UpdateUser,
  UserList,
  Uuid,
  YearText,
} from '@jixiao/contract';
import { writeOrganisationTemplate } from '@jixiao/documents';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { contextOf } from '../http/session-plugin.ts';
import { readUpload } from '../http/upload.ts';
import * as service from './admin.service.ts';
import { importOrganisations } from './import.service.ts';

const IdParams = z.object({ id: Uuid });
const Created = z.object({ id: Uuid });

export const adminRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['administration'];
    app.get(
      '/api/organisations',
      { schema: { tags, summary: '可见的组织机构', response: { 200: OrganisationList } } },
      async (request) => ({
        items: await service.listOrganisations(deps, contextOf(request)),
      }),
    );
    app.post(
      '/api/organisations',
      { schema: { tags, summary: '新建财政局、部门或下级预算单位（管理员）', body: CreateOrganisation, response: { 201: Created } } },
      async (request, reply) => {
        const created = await service.addOrganisation(deps, contextOf(request), request.body);
        return reply.status(201).send({ id: created.id });
      },
    );
    app.patch(
      '/api/organisations/:id',
      { schema: { tags, summary: '修改单位名称或编码（管理员）', params: IdParams, body: UpdateOrganisation, response: { 200: Created } } },
      async (request) => ({
        id: (await service.renameOrganisation(deps, contextOf(request), request.params.id, request.body)).id,
      }),
    );

    app.get('/api/users', { schema: { tags, summary: '用户列表', response: { 200: UserList } } }, async (request) => ({
      items: await service.listUsers(deps, contextOf(request)),
    }));
    app.post(
      '/api/users',
      { schema: { tags, summary: '新建用户（返回一次性初始密码）', body: CreateUser, response: { 201: InitialPassword } } },
      async (request, reply) => reply.status(201).send(await service.addUser(deps, contextOf(request), request.body)),
    );
    app.patch(
      '/api/users/:id',
      { schema: { tags, summary: '修改用户：姓名、角色、停用、解锁', params: IdParams, body: UpdateUser, response: { 200: Created } } },
      async (request) => ({
        id: (await service.changeUser(deps, contextOf(request), request.params.id, request.body)).id,
      }),
    );
    app.post(
      '/api/users/:id/reset-password',
      { schema: { tags, summary: '重置密码（返回一次性初始密码）', params: IdParams, response: { 200: InitialPassword } } },
      async (request) => service.resetPassword(deps, contextOf(request), request.params.id),
    );

    app.get('/api/admin/import/template.xlsx', { schema: { tags, summary: '单位与用户批量导入模板' } }, async (request, reply) => {
      service.requireAdmin(contextOf(request));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('单位与用户导入模板.xlsx'))
        .send(Buffer.from(await writeOrganisationTemplate()));
    });
    app.post(
      '/api/admin/import',
      { schema: { tags, summary: '批量导入单位与用户（.xlsx；全部成功或全部不导入）', response: { 200: ImportResult } } },
      async (request) => importOrganisations(deps, contextOf(request), (await readUpload(request, 10)).bytes),
    );

    app.get('/api/fiscal-years', { schema: { tags, summary: '预算年度与截止日期', response: { 200: FiscalYearList } } }, async () => ({
      items: await service.listFiscalYears(deps),
    }));
    app.post(
      '/api/fiscal-years',
      { schema: { tags, summary: '新建年度（管理员）', body: CreateFiscalYear, response: { 201: z.object({ year: z.number() }) } } },
      async (request, reply) => {
        const created = await service.addFiscalYear(deps, contextOf(request), request.body);
        return reply.status(201).send({ year: created.year });
      },
    );
    app.patch(
      '/api/fiscal-years/:year',
      {
        schema: {
          tags,
          summary: '修改年度截止日期或状态（管理员）',
          params: z.object({ year: YearText }),
          body: UpdateFiscalYear,
          response: { 200: z.object({ year: z.number() }) },
        },
      },
      async (request) => ({
        year: (await service.changeFiscalYear(deps, contextOf(request), request.params.year, request.body)).year,
      }),
    );

    app.get(
      '/api/projects',
      {
        schema: {
          tags: ['projects'],
          summary: '项目列表',
          querystring: z.object({ fiscalYear: YearText.optional() }),
          response: { 200: ProjectList },
        },
      },
      async (request) => ({
        items: await service.listProjects(deps, contextOf(request), request.query.fiscalYear),
      }),
    );
    app.post(
      '/api/projects',
      { schema: { tags: ['projects'], summary: '新建项目（名称、单位、类别、预算）', body: CreateProject, response: { 201: Created } } },
      async (request, reply) => {
        const created = await service.addProject(deps, contextOf(request), request.body);
        return reply.status(201).send({ id: created.id });
      },
    );
  };
