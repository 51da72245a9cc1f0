import type {
  Adjustment,
  AuditActorList,
  AuditEntry,
  AuditPage,
  AuditQuery,
  AuditVerification,
  BAND,
  CreateEvaluation,
  CreateFiscalYear,
  CreateOrganisation,
  CreateProject,
  CreateUser,
  DIRECTION,
  EvaluationList,
  EvaluationScore,
  FiscalYear,
  FiscalYearList,
  GoalFields,
  ImportResult,
  InitialPassword,
  LEVEL1,
  LEVEL2,
  LibraryItem,
  LibraryList,
  ListEvaluationsQuery,
  ManagementFields,
  ORGANISATION_KINDS,
  OrganisationList,
  Project,
  ProjectList,
  PublishedReport,
  PublishedReportList,
  ScoreFinding,
  STATUS,
  Task,
  TaskList,
  Transition,
  TransitionRequest,
  UpdateEvaluation,
  UpdateFiscalYear,
  UpdateGoal,
  UpdateIndicator,
  UpdateOrganisation,
  UpdateUser,
  UserList,
} from '@jixiao/contract';
import type { z } from 'zod';

// The contract exports schemas; the app works with the types they describe (z.input for requests,
// z.infer for responses).
export type {
  Attachment,
  EvaluationDetail,
  EvaluationSummary,
  Goal,
  Indicator,
  IndicatorFields,
  ManagementEntry,
  Organisation,
  Role,
  SessionResponse,
  User,
} from '@jixiao/contract';

export type EvaluationStatus = (typeof STATUS)[number];
export type Direction = (typeof DIRECTION)[number];
export type Level1 = (typeof LEVEL1)[number];
export type Level2 = (typeof LEVEL2)[number];
export type Band = (typeof BAND)[number];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type EvaluationKind = z.infer<typeof CreateEvaluation>['kind'];
export type ListEvaluationsFilter = z.infer<typeof ListEvaluationsQuery>;
export type EvaluationListResponse = z.infer<typeof EvaluationList>;
export type CreateEvaluationBody = z.input<typeof CreateEvaluation>;
export type UpdateEvaluationBody = z.input<typeof UpdateEvaluation>;
export type TransitionBody = z.input<typeof TransitionRequest>;
export type WorkflowAction = TransitionBody['action'];
export type TransitionRecord = z.infer<typeof Transition>;
export type GoalBody = z.input<typeof GoalFields>;
export type UpdateGoalBody = z.input<typeof UpdateGoal>;
export type UpdateIndicatorBody = z.input<typeof UpdateIndicator>;
export type AdjustmentBody = z.input<typeof Adjustment>;
export type ManagementBody = z.input<typeof ManagementFields>;

export type TaskItem = z.infer<typeof Task>;
export type TaskListResponse = z.infer<typeof TaskList>;
export type OrganisationListResponse = z.infer<typeof OrganisationList>;
export type CreateOrganisationBody = z.input<typeof CreateOrganisation>;
export type UpdateOrganisationBody = z.input<typeof UpdateOrganisation>;
export type UserListResponse = z.infer<typeof UserList>;
export type CreateUserBody = z.input<typeof CreateUser>;
export type UpdateUserBody = z.input<typeof UpdateUser>;
export type InitialPasswordResponse = z.infer<typeof InitialPassword>;
export type FiscalYearItem = z.infer<typeof FiscalYear>;
export type FiscalYearListResponse = z.infer<typeof FiscalYearList>;
export type CreateFiscalYearBody = z.input<typeof CreateFiscalYear>;
export type UpdateFiscalYearBody = z.input<typeof UpdateFiscalYear>;
export type ProjectItem = z.infer<typeof Project>;
export type ProjectListResponse = z.infer<typeof ProjectList>;
export type CreateProjectBody = z.input<typeof CreateProject>;
export type ImportResultResponse = z.infer<typeof ImportResult>;
export type AuditEntryItem = z.infer<typeof AuditEntry>;
export type AuditPageResponse = z.infer<typeof AuditPage>;
export type AuditFilter = Partial<z.infer<typeof AuditQuery>>;
export type AuditActorListResponse = z.infer<typeof AuditActorList>;
export type AuditVerificationResult = z.infer<typeof AuditVerification>;
export type LibraryEntry = z.infer<typeof LibraryItem>;
export type LibraryListResponse = z.infer<typeof LibraryList>;
export type PublishedReportItem = z.infer<typeof PublishedReport>;
export type PublishedReportListResponse = z.infer<typeof PublishedReportList>;

/** GET /api/evaluations/:id/score: the core's `presentEvaluation` (points are decimal strings, never floats). */
export type ScoreResponse = z.infer<typeof EvaluationScore>;
export type ScoredItem = ScoreResponse['items'][number];
export type ScorePart = ScoreResponse['parts'][number];
export type Finding = z.infer<typeof ScoreFinding>;
export type Severity = Finding['severity'];
export type ItemStatus = ScoredItem['status'];
