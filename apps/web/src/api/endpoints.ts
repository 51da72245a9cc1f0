import type {
  AcceptMilestoneBody,
  ApproveProcurementBody,
  AssetDetail,
  AssetFilter,
  AssetList,
  AwardProcurementBody,
  BudgetLineCreated,
  BudgetLineDetail,
  BudgetLineFilter,
  BudgetLineList,
  CancelProcurementBody,
  ChangePasswordRequest,
  ContractDetail,
  ContractFilter,
  ContractList,
  CreateBudgetLineBody,
  CreateContractBody,
  CreateDeclaration,
  Created,
  CreatedStocktake,
  CreateFollowUpBody,
  CreateGrantBody,
  CreatePaymentBody,
  CreateProcurementBody,
  CreateRecipientBody,
  CreateStocktakeBody,
  DecideAdjustmentBody,
  DecideClosureBody,
  DecideDisposalBody,
  DeclarationDetail,
  DeclarationList,
  DeclarationStepRequest,
  DrillDown,
  GrantDetail,
  GrantFilter,
  GrantList,
  GrantSummary,
  GrantSummaryFilter,
  ImportJob,
  LedgerImportKind,
  LedgerMetric,
  LedgerOverview,
  LedgerQuery,
  LoginRequest,
  MetricTermKey,
  MilestoneAccepted,
  Ok,
  OverdueList,
  Payment,
  PaymentFilter,
  PaymentListResponse,
  PaymentStepBody,
  PaymentStepName,
  Procurement,
  ProcurementFilter,
  ProcurementList,
  RecipientList,
  RecordFollowUpBody,
  RequestAdjustmentBody,
  RequestClosureBody,
  RequestDisposalBody,
  Rollup,
  SaveAssessmentBody,
  SaveDeclaration,
  SelfAssessment,
  SetPlanBody,
  StartedImport,
  StocktakeDetail,
  StocktakeList,
  TransitionResult,
  UpdateAssetBody,
} from '@jixiao/contract';
import type { z } from 'zod';
import { http, queryString } from './client.ts';
import type {
  AdjustmentBody,
  AuditActorListResponse,
  AuditFilter,
  AuditPageResponse,
  AuditVerificationResult,
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

/**
 * Every endpoint the app calls, typed by the contract. Paths live here and nowhere else. Content writes
 * that edit one record answer the whole EvaluationDetail, which the query cache takes as it is.
 */

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
  transition: (id: string, body: TransitionBody) => http.post<TransitionResult>(`${evaluationPath(id)}/transitions`, body),
  withdrawPublication: (id: string, body: { reason: string; revision: number }) =>
    http.post<TransitionResult>(`${evaluationPath(id)}/withdraw-publication`, body),
  addGoal: (id: string, body: GoalBody) => http.post<Created>(`${evaluationPath(id)}/goals`, body),
  updateGoal: (goalId: string, body: UpdateGoalBody) => http.patch<EvaluationDetail>(`/api/goals/${enc(goalId)}`, body),
  deleteGoal: (goalId: string, version: number) => http.delete<Ok>(`/api/goals/${enc(goalId)}`, { version }),
  addIndicator: (id: string, body: IndicatorFields) => http.post<Created>(`${evaluationPath(id)}/indicators`, body),
  updateIndicator: (indicatorId: string, body: UpdateIndicatorBody) =>
    http.patch<EvaluationDetail>(`/api/indicators/${enc(indicatorId)}`, body),
  deleteIndicator: (indicatorId: string, version: number) => http.delete<Ok>(`/api/indicators/${enc(indicatorId)}`, { version }),
  adjust: (indicatorId: string, body: AdjustmentBody) => http.put<EvaluationDetail>(`/api/indicators/${enc(indicatorId)}/adjustment`, body),
  saveManagement: (id: string, code: string, body: ManagementBody) =>
    http.put<EvaluationDetail>(`${evaluationPath(id)}/management/${enc(code)}`, body),
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
  actors: () => http.get<AuditActorListResponse>('/api/audit/actors'),
  verify: () => http.post<AuditVerificationResult>('/api/audit/verify'),
};

export const publicApi = {
  reports: () => http.get<PublishedReportListResponse>('/api/public/reports'),
};

// ── 内部控制 ─────────────────────────────────────────────────────────────────────────────────────

export const budgetApi = {
  lines: (filter: BudgetLineFilter) => http.get<BudgetLineList>('/api/budget-lines', { ...filter }),
  create: (body: CreateBudgetLineBody) => http.post<BudgetLineCreated>('/api/budget-lines', body),
  line: (id: string) => http.get<BudgetLineDetail>(`/api/budget-lines/${enc(id)}`),
  setPlan: (id: string, body: SetPlanBody) => http.put<Ok>(`/api/budget-lines/${enc(id)}/plan`, body),
  requestAdjustment: (id: string, body: RequestAdjustmentBody) => http.post<Created>(`/api/budget-lines/${enc(id)}/adjustments`, body),
  decideAdjustment: (adjustmentId: string, body: DecideAdjustmentBody) =>
    http.post<Ok>(`/api/budget-adjustments/${enc(adjustmentId)}/decision`, body),
};

export const paymentApi = {
  list: (filter: PaymentFilter) => http.get<PaymentListResponse>('/api/payments', { ...filter }),
  get: (id: string) => http.get<Payment>(`/api/payments/${enc(id)}`),
  create: (body: CreatePaymentBody) => http.post<Payment>('/api/payments', body),
  step: (id: string, step: PaymentStepName, body: PaymentStepBody) => http.post<Payment>(`/api/payments/${enc(id)}/${step}`, body),
};

export const ledgerApi = {
  overview: (query: LedgerQuery) => http.get<LedgerOverview>('/api/ledger', { ...query }),
  drill: (query: LedgerQuery & { metric: LedgerMetric; term: MetricTermKey }) => http.get<DrillDown>('/api/ledger/drill', { ...query }),
  rollup: (fiscalYear: number) => http.get<Rollup>('/api/ledger/rollup', { fiscalYear }),
};

export const ledgerImportApi = {
  start: (kind: LedgerImportKind, organisationId: string, file: File) =>
    http.upload<StartedImport>('/api/ledger/import', file, { kind, organisationId }),
  job: (id: string) => http.get<ImportJob>(`/api/ledger/import-jobs/${enc(id)}`),
  downloadErrors: (id: string) => http.download(`/api/ledger/import-jobs/${enc(id)}/errors.xlsx`, '导入错误清单.xlsx'),
  downloadTemplate: (kind: LedgerImportKind) =>
    http.download(
      `/api/ledger/import/template.xlsx${queryString({ kind })}`,
      kind === 'payments' ? '支付明细导入模板.xlsx' : '预算指标导入模板.xlsx',
    ),
};

const procurementPath = (id: string) => `/api/procurements/${enc(id)}`;

export const procurementApi = {
  list: (filter: ProcurementFilter) => http.get<ProcurementList>('/api/procurements', filter),
  create: (body: CreateProcurementBody) => http.post<Created>('/api/procurements', body),
  approve: (id: string, body: ApproveProcurementBody) => http.post<Procurement>(`${procurementPath(id)}/approve`, body),
  award: (id: string, body: AwardProcurementBody) => http.post<Procurement>(`${procurementPath(id)}/award`, body),
  cancel: (id: string, body: CancelProcurementBody) => http.post<Procurement>(`${procurementPath(id)}/cancel`, body),
};

export const contractApi = {
  list: (filter: ContractFilter) => http.get<ContractList>('/api/contracts', filter),
  get: (id: string) => http.get<ContractDetail>(`/api/contracts/${enc(id)}`),
  create: (body: CreateContractBody) => http.post<Created>('/api/contracts', body),
  accept: (id: string, milestoneId: string, body: AcceptMilestoneBody) =>
    http.post<MilestoneAccepted>(`/api/contracts/${enc(id)}/milestones/${enc(milestoneId)}/accept`, body),
  requestClosure: (id: string, body: RequestClosureBody) => http.post<ContractDetail>(`/api/contracts/${enc(id)}/closures`, body),
  decideClosure: (id: string, closureId: string, body: DecideClosureBody) =>
    http.post<ContractDetail>(`/api/contracts/${enc(id)}/closures/${enc(closureId)}/decision`, body),
};

export const assetApi = {
  list: (filter: AssetFilter) => http.get<AssetList>('/api/assets', filter),
  get: (id: string) => http.get<AssetDetail>(`/api/assets/${enc(id)}`),
  update: (id: string, body: UpdateAssetBody) => http.patch<AssetDetail>(`/api/assets/${enc(id)}`, body),
  requestDisposal: (id: string, body: RequestDisposalBody) => http.post<Created>(`/api/assets/${enc(id)}/disposals`, body),
  decideDisposal: (id: string, disposalId: string, body: DecideDisposalBody) =>
    http.post<AssetDetail>(`/api/assets/${enc(id)}/disposals/${enc(disposalId)}/decision`, body),
  stocktakes: (organisationId?: string) => http.get<StocktakeList>('/api/stocktakes', { organisationId }),
  stocktake: (id: string) => http.get<StocktakeDetail>(`/api/stocktakes/${enc(id)}`),
  createStocktake: (body: CreateStocktakeBody) => http.post<CreatedStocktake>('/api/stocktakes', body),
};

export const subsidyApi = {
  recipients: (q?: string) => http.get<RecipientList>('/api/subsidies/recipients', { q }),
  createRecipient: (body: CreateRecipientBody) => http.post<Created>('/api/subsidies/recipients', body),
  grants: (filter: GrantFilter) => http.get<GrantList>('/api/subsidies/grants', filter),
  grant: (id: string) => http.get<GrantDetail>(`/api/subsidies/grants/${enc(id)}`),
  createGrant: (body: CreateGrantBody) => http.post<Created>('/api/subsidies/grants', body),
  summary: (filter: GrantSummaryFilter) => http.get<GrantSummary>('/api/subsidies/summary', filter),
  scheduleFollowUp: (grantId: string, body: CreateFollowUpBody) =>
    http.post<Created>(`/api/subsidies/grants/${enc(grantId)}/follow-ups`, body),
  recordFollowUp: (id: string, body: RecordFollowUpBody) => http.post<GrantDetail>(`/api/subsidies/follow-ups/${enc(id)}/result`, body),
  overdue: (organisationId?: string) => http.get<OverdueList>('/api/subsidies/follow-ups/overdue', { organisationId }),
};

export const selfAssessmentApi = {
  get: (organisationId: string, fiscalYear: number) => http.get<SelfAssessment>('/api/self-assessment', { organisationId, fiscalYear }),
  save: (body: SaveAssessmentBody) => http.put<SelfAssessment>('/api/self-assessment', body),
  download: (organisationId: string, fiscalYear: number) =>
    http.download(
      `/api/self-assessment/export.xlsx${queryString({ organisationId, fiscalYear })}`,
      `${fiscalYear}年度内部控制基础性评价表.xlsx`,
    ),
};

export type DeclarationBody = z.input<typeof SaveDeclaration>;
export type DeclarationStepBody = z.input<typeof DeclarationStepRequest>;

const declarationPath = (id: string) => `/api/declarations/${enc(id)}`;

/** The declarations list's filters: the year, a department (for readers of several) and the search. */
export interface DeclarationFilter {
  readonly fiscalYear?: number | undefined;
  readonly organisationId?: string | undefined;
  readonly q?: string | undefined;
}

/** The 绩效目标申报表 endpoints (docs/api.md). */
export const declarationApi = {
  list: (filter: DeclarationFilter) => http.get<DeclarationList>('/api/declarations', { ...filter }),
  create: (body: z.input<typeof CreateDeclaration>) => http.post<{ id: string }>('/api/declarations', body),
  get: (id: string) => http.get<DeclarationDetail>(declarationPath(id)),
  save: (id: string, body: DeclarationBody) => http.put<DeclarationDetail>(declarationPath(id), body),
  step: (id: string, body: DeclarationStepBody) =>
    http.post<{ status: string; statusLabel: string; version: number }>(`${declarationPath(id)}/transitions`, body),
  /** The printed 申报表; the internal copy carries the review opinions. */
  download: (id: string, format: 'xlsx' | 'docx', copy: 'formal' | 'internal', fallbackName: string) =>
    http.download(`/api/target-declarations/${enc(id)}/export.${format}?copy=${copy}`, fallbackName),
};
