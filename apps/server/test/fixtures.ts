import type { EvaluationDetail, EvaluationSummary } from '@jixiao/contract';
import type { FastifyInstance } from 'fastify';
import { as, login, multipart, type Session } from './harness.ts';

/** The demo's department-wide evaluation (Panyu FY2024) and project evaluation, as a given user sees them. */
export async function demoEvaluations(app: FastifyInstance, session: Session) {
  const list = (await as(app, session).get('/api/evaluations')).json() as { items: EvaluationSummary[] };
  const department = list.items.find((item) => item.kind === 'department');
  const project = list.items.find((item) => item.kind === 'project');
  return { department, project, all: list.items };
}

export async function detail(app: FastifyInstance, session: Session, id: string): Promise<EvaluationDetail> {
  const response = await as(app, session).get(`/api/evaluations/${id}`);
  if (response.statusCode !== 200) throw new Error(`detail ${id}: ${response.statusCode} ${response.body}`);
  return response.json() as EvaluationDetail;
}

/** Signs in every demo role at once. */
export async function demoSessions(app: FastifyInstance) {
  const [preparer, reviewer, head, finance, admin, auditor, unitPreparer] = await Promise.all(
    ['preparer', 'reviewer', 'head', 'finance', 'admin', 'auditor', 'unit.preparer'].map((username) => login(app, username)),
  );
  if (!preparer || !reviewer || !head || !finance || !admin || !auditor || !unitPreparer) throw new Error('demo login failed');
  return { preparer, reviewer, head, finance, admin, auditor, unitPreparer };
}

export async function transition(app: FastifyInstance, session: Session, id: string, action: string, comment?: string) {
  const { revision } = await detail(app, session, id);
  return as(app, session).post(`/api/evaluations/${id}/transitions`, { action, comment, revision });
}

/** Uploads a workbook (.json or .xlsx bytes) into an evaluation, as the preparer's 导入 does. */
export function uploadWorkbook(app: FastifyInstance, session: Session, id: string, filename: string, bytes: Uint8Array | string) {
  const body = multipart(filename, bytes);
  return as(app, session).post(`/api/evaluations/${id}/workbook`, body.payload, body.headers);
}
