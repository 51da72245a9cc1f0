import type { ChangePasswordRequest, LoginRequest } from '@jixiao/contract';
import type { z } from 'zod';
import { http } from './client.ts';
import type {
  AdjustmentBody,
  AuditFilter,
  AuditPageResponse,
  CreateEvaluationBody,
  CreateFiscalYearBody,
  CreateOrganisationBody,
  CreateProjectBody,
  CreateUserBody,
  EvaluationDetail,
  EvaluationListResponse,
  FiscalYearListResponse,
  GoalBody,
  ImportResultResponse,
  IndicatorFields,
  InitialPasswordResponse,
  LibraryListResponse,
  ListEvaluationsFilter,
  ManagementBody,
  OrganisationListResponse,
  ProjectListResponse,
  PublishedReportListResponse,
  ScoreResponse,
  SessionResponse,
  TaskListResponse,
  TransitionBody,
  UpdateEvaluationBody,
  UpdateFiscalYearBody,
  UpdateGoalBody,
  UpdateIndicatorBody,
  UpdateOrganisationBody,
  UpdateUserBody,
  UserListResponse,
} from './types.ts';

/** Every endpoint the app calls, typed by the contract. Paths live here and nowhere else. */

type Ok = { ok: true };
type Created = { id: string };
const enc = encodeURIComponent;

export const authApi = {
  login: (body: z.input<typeof LoginRequest>) => http.post<SessionResponse>('/api/auth/login', body),
  me: () => http.get<SessionResponse>('/api/auth/me'),
  logout: () => http.post<Ok>('/api/auth/logout'),
  changePassword: (body: z.input<typeof ChangePasswordRequest>) => http.post<Ok>('/api/auth/password', body),
};

const evaluationPath = (id: string) => `/api/evaluations/${enc(id)}`;

export const evaluationApi = {
  list: (filter: ListEvaluationsFilter) => http.get<EvaluationListResponse>('/api/evaluations', filter),
  create: (body: CreateEvaluationBody) => http.post<Created>('/api/evaluations', body),
  get: (id: string) => http.get<EvaluationDetail>(evaluationPath(id)),
  update: (id: string, body: UpdateEvaluationBody) => http.patch<EvaluationDetail>(evaluationPath(id), body),
  score: (id: string) => http.get<ScoreResponse>(`${evaluationPath(id)}/score`),
  transition: (id: string, body: TransitionBody) =>
    http.post<{ status: string; statusLabel: string }>(`${evaluationPath(id)}/transitions`, body),
  addGoal: (id: string, body: GoalBody) => http.post<Created>(`${evaluationPath(id)}/goals`, body),
  updateGoal: (goalId: string, body: UpdateGoalBody) => http.patch<Ok>(`/api/goals/${enc(goalId)}`, body),
  deleteGoal: (goalId: string, version: number) => http.delete<Ok>(`/api/goals/${enc(goalId)}`, { version }),
  addIndicator: (id: string, body: IndicatorFields) => http.post<Created>(`${evaluationPath(id)}/indicators`, body),
  updateIndicator: (indicatorId: string, body: UpdateIndicatorBody) => http.patch<Ok>(`/api/indicators/${enc(indicatorId)}`, body),
  deleteIndicator: (indicatorId: string, version: number) => http.delete<Ok>(`/api/indicators/${enc(indicatorId)}`, { version }),
  adjust: (indicatorId: string, body: AdjustmentBody) => http.put<Ok>(`/api/indicators/${enc(indicatorId)}/adjustment`, body),
  saveManagement: (id: string, code: string, body: ManagementBody) => http.put<Ok>(`${evaluationPath(id)}/management/${enc(code)}`, body),
  uploadAttachment: (id: string, file: File, indicatorId?: string) =>
    http.upload<{ id: string; sha256: string; sizeBytes: number }>(`${evaluationPath(id)}/attachments`, file, { indicatorId }),
  downloadAttachment: (attachmentId: string, filename: string) => http.download(`/api/attachments/${enc(attachmentId)}`, filename),
  deleteAttachment: (attachmentId: string) => http.delete<Ok>(`/api/attachments/${enc(attachmentId)}`),
  downloadWorkbook: (id: string, format: 'xlsx' | 'json') =>
    http.download(`${evaluationPath(id)}/workbook.${format}`, `workbook.${format}`),
  importWorkbook: (id: string, file: File) => http.upload<{ goals: number; indicators: number }>(`${evaluationPath(id)}/workbook`, file),
  reportHtml: (id: string, signal?: AbortSignal) => http.text(`${evaluationPath(id)}/report.html`, signal),
  downloadReport: (id: string, format: 'docx' | 'pdf') => http.download(`${evaluationPath(id)}/report.${format}`, `report.${format}`),
};

export const reportCss = (signal?: AbortSignal) => http.text('/api/report.css', signal);

export const taskApi = {
  list: () => http.get<TaskListResponse>('/api/tasks'),
};

export const libraryApi = {
  list: (category?: string) => http.get<LibraryListResponse>('/api/indicator-library', { category }),
};

export const adminApi = {
  organisations: () => http.get<OrganisationListResponse>('/api/organisations'),
  createOrganisation: (body: CreateOrganisationBody) => http.post<Created>('/api/organisations', body),
  updateOrganisation: (id: string, body: UpdateOrganisationBody) => http.patch<Created>(`/api/organisations/${enc(id)}`, body),
  users: () => http.get<UserListResponse>('/api/users'),
  createUser: (body: CreateUserBody) => http.post<InitialPasswordResponse>('/api/users', body),
  updateUser: (id: string, body: UpdateUserBody) => http.patch<Created>(`/api/users/${enc(id)}`, body),
  resetPassword: (id: string) => http.post<InitialPasswordResponse>(`/api/users/${enc(id)}/reset-password`),
  fiscalYears: () => http.get<FiscalYearListResponse>('/api/fiscal-years'),
  createFiscalYear: (body: CreateFiscalYearBody) => http.post<{ year: number }>('/api/fiscal-years', body),
  updateFiscalYear: (year: number, body: UpdateFiscalYearBody) => http.patch<{ year: number }>(`/api/fiscal-years/${year}`, body),
  projects: (fiscalYear?: number) => http.get<ProjectListResponse>('/api/projects', { fiscalYear }),
  createProject: (body: CreateProjectBody) => http.post<Created>('/api/projects', body),
  importUnitsAndUsers: (file: File) => http.upload<ImportResultResponse>('/api/admin/import', file),
  downloadImportTemplate: () => http.download('/api/admin/import/template.xlsx', '单位与用户导入模板.xlsx'),
};

export const auditApi = {
  page: (filter: AuditFilter) => http.get<AuditPageResponse>('/api/audit', filter),
};

export const publicApi = {
  reports: () => http.get<PublishedReportListResponse>('/api/public/reports'),
};
