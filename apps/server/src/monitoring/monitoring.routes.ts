import {
  Created,
  IssueMonitoringTask,
  ListMonitoringTasksQuery,
  MonitoringDecision,
  MonitoringExportQuery,
  MonitoringFormDetail,
  MonitoringLights,
  MonitoringLightsQuery,
  MonitoringRectification,
  MonitoringStepResult,
  MonitoringTaskDetail,
  MonitoringTaskList,
  SaveMonitoringForm,
  SubmitMonitoringForm,
  Uuid,
} from '@jixiao/contract';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { contextOf } from '../http/session-plugin.ts';
import { decideForm } from './commands/decide-form.ts';
import { issueTask } from './commands/issue-task.ts';
import { rectifyForm } from './commands/rectify-form.ts';
import { submitForm } from './commands/submit-form.ts';
import * as service from './monitoring.service.ts';
import { exportTask, reportTask } from './monitoring-export.ts';

const IdParams = z.object({ id: Uuid });

/** 绩效运行监控 (docs/monitoring.md 监控任务, 监控表): tasks, forms, their review, the lights page and the export. */
const sendFile = (reply: FastifyReply, file: { type: string; filename: string; bytes: Uint8Array }) =>
  reply.type(file.type).header('content-disposition', contentDisposition(file.filename)).send(Buffer.from(file.bytes));

export const monitoringRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['monitoring'];

    app.get(
      '/api/monitoring/tasks',
      {
        schema: {
          tags,
          summary: '绩效运行监控任务列表（财政局看全部，单位看下发到本单位的）',
          querystring: ListMonitoringTasksQuery,
          response: { 200: MonitoringTaskList },
        },
      },
      async (request) => service.listTasks(deps, contextOf(request), request.query.fiscalYear),
    );

    app.post(
      '/api/monitoring/tasks',
      {
        schema: {
          tags,
          summary: '下发绩效运行监控任务（财政审核人；同时为范围内每个已批复项目和每个部门生成监控表）',
          body: IssueMonitoringTask,
          response: { 201: Created },
        },
      },
      async (request, reply) => {
        const { task } = await issueTask(deps, contextOf(request), request.body);
        return reply.status(201).send({ id: task.id });
      },
    );

    app.get(
      '/api/monitoring/tasks/:id',
      { schema: { tags, summary: '监控任务详情及其监控表', params: IdParams, response: { 200: MonitoringTaskDetail } } },
      async (request) => service.getTaskDetail(deps, contextOf(request), request.params.id),
    );

    app.get(
      '/api/monitoring/tasks/:id/export.xlsx',
      {
        schema: {
          tags,
          summary: '下载绩效运行监控表（.xlsx；可按部门或单位筛选）',
          params: IdParams,
          querystring: MonitoringExportQuery,
        },
      },
      async (request, reply) =>
        sendFile(reply, await exportTask(deps, contextOf(request), request.params.id, request.query.organisationId)),
    );

    app.get(
      '/api/monitoring/tasks/:id/report.docx',
      {
        schema: {
          tags,
          summary: '下载部门绩效运行监控报告（.docx：基本情况、预算执行及图表、目标实现、问题及原因、下一步措施）',
          params: IdParams,
          querystring: MonitoringExportQuery,
        },
      },
      async (request, reply) =>
        sendFile(reply, await reportTask(deps, contextOf(request), request.params.id, request.query.organisationId)),
    );

    app.get(
      '/api/monitoring/lights',
      {
        schema: {
          tags,
          summary: '各单位预警灯一览（按部门；含预算执行灯、指标灯计数和最差一灯的说明）',
          querystring: MonitoringLightsQuery,
          response: { 200: MonitoringLights },
        },
      },
      async (request) => service.taskLights(deps, contextOf(request), request.query.taskId),
    );

    app.get(
      '/api/monitoring/forms/:id',
      {
        schema: {
          tags,
          summary: '监控表详情（资金、指标、预警灯及说明、经过、可执行的操作）',
          params: IdParams,
          response: { 200: MonitoringFormDetail },
        },
      },
      async (request) => service.getFormDetail(deps, contextOf(request), request.params.id),
    );

    app.put(
      '/api/monitoring/forms/:id',
      {
        schema: {
          tags,
          summary: '保存监控表（单位填报人；整表保存）',
          params: IdParams,
          body: SaveMonitoringForm,
          response: { 200: MonitoringFormDetail },
        },
      },
      async (request) => service.saveForm(deps, contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/monitoring/forms/:id/submit',
      {
        schema: { tags, summary: '提交监控表', params: IdParams, body: SubmitMonitoringForm, response: { 200: MonitoringStepResult } },
      },
      async (request) => submitForm(deps, contextOf(request), request.params.id, request.body.version),
    );

    app.post(
      '/api/monitoring/forms/:id/decision',
      {
        schema: {
          tags,
          summary: '审核监控表：部门审核通过或退回，财政审核通过或退回（退回和财政审核通过须填写意见）',
          params: IdParams,
          body: MonitoringDecision,
          response: { 200: MonitoringStepResult },
        },
      },
      async (request) => decideForm(deps, contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/monitoring/forms/:id/rectification',
      {
        schema: {
          tags,
          summary: '根据监控表下发整改通知（财政审核人）',
          params: IdParams,
          body: MonitoringRectification,
          response: { 201: Created },
        },
      },
      async (request, reply) => reply.status(201).send(await rectifyForm(deps, contextOf(request), request.params.id, request.body)),
    );
  };
