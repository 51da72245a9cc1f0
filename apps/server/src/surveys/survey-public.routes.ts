import { PublicSurvey, SubmitAnswered, SubmitAnswers } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { admitSubmission, publicForm, submitAnswers } from './survey-answer.ts';

// Any short text: an unknown address is answered 404 like a missing survey.
const SlugParams = z.object({ slug: z.string().min(1).max(60) });

/** The answering endpoints, without sign-in: the form, and the answers (limited per address). */
export const surveyPublicRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { public: true };
    const tags = ['public'];
    app.get(
      '/api/public/surveys/:slug',
      { config, schema: { tags, summary: '问卷（公开填写，无需登录）', params: SlugParams, response: { 200: PublicSurvey } } },
      async (request) => publicForm(deps, request.params.slug),
    );
    app.post(
      '/api/public/surveys/:slug/responses',
      {
        config,
        schema: {
          tags,
          summary: '提交答卷（每个邀请码一份；同一地址限频）',
          params: SlugParams,
          body: SubmitAnswers,
          response: { 201: SubmitAnswered },
        },
      },
      async (request, reply) => {
        await admitSubmission(deps, request.ip);
        return reply
          .status(201)
          .send(await submitAnswers(deps, { requestId: request.id, ip: request.ip }, request.params.slug, request.body));
      },
    );
  };
