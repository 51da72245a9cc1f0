import {
  Created,
  DeclarationSuggestions,
  LibraryHistory,
  LibraryList,
  LibraryQuery,
  SaveLibraryEntry,
  SuggestionQuery,
  UpdateLibraryEntry,
  Uuid,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { contextOf } from '../http/session-plugin.ts';
import * as service from './library.service.ts';
import { declarationSuggestions } from './library-suggestions.ts';

const IdParams = z.object({ id: Uuid });
const Saved = z.object({ id: Uuid, version: z.number().int() });

/** A comma-separated list of entry ids, each checked so the message names the one that is not an id. */
function entryIds(text: string | undefined): string[] {
  const ids = (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const bad = ids.find((id) => !Uuid.safeParse(id).success);
  if (bad) throw validationFailed([{ path: 'query.libraryEntryIds', message: `指标库条目编号“${bad}”格式不正确` }]);
  return ids;
}

/** 指标库 (docs/targets.md "指标库与历史"): browse and maintain the entries, their history, suggestions while declaring. */
export const libraryRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['library'];
    app.get(
      '/api/indicator-library',
      {
        schema: {
          tags,
          summary: '指标库：按项目类别、行业和关键词查询（默认只列在用条目）',
          querystring: LibraryQuery,
          response: { 200: LibraryList },
        },
      },
      async (request) => {
        const { includeRetired, ...filter } = request.query;
        return service.listLibrary(deps, contextOf(request), { ...filter, includeRetired: includeRetired === 'true' });
      },
    );

    app.post(
      '/api/indicator-library',
      { schema: { tags, summary: '新增指标库条目（财政局维护）', body: SaveLibraryEntry, response: { 201: Created } } },
      async (request, reply) => reply.status(201).send(await service.createLibraryEntry(deps, contextOf(request), request.body)),
    );

    app.put(
      '/api/indicator-library/:id',
      {
        schema: { tags, summary: '修改指标库条目（含停用、启用）', params: IdParams, body: UpdateLibraryEntry, response: { 200: Saved } },
      },
      async (request) => service.updateLibraryEntry(deps, contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/indicator-library/:id/history',
      {
        schema: {
          tags,
          summary: '指标使用历史：各单位各年度的目标值与实际值，逐年分布（四分位数）与使用项目数',
          params: IdParams,
          response: { 200: LibraryHistory },
        },
      },
      async (request) => service.libraryHistory(deps, contextOf(request), request.params.id),
    );

    app.get(
      '/api/declarations/:id/suggestions',
      {
        schema: {
          tags,
          summary: '申报时的目标值建议：上年目标与实际、同类项目分布、按规则建议的目标值',
          params: IdParams,
          querystring: SuggestionQuery,
          response: { 200: DeclarationSuggestions },
        },
      },
      async (request) => declarationSuggestions(deps, contextOf(request), request.params.id, entryIds(request.query.libraryEntryIds)),
    );
  };
