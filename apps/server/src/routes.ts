import { adjustmentRoutes } from './adjustment/adjustment.routes.ts';
import { adminRoutes } from './admin/admin.routes.ts';
import { attachmentRoutes } from './attachments/attachment.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { controlAccessRoutes } from './control/access.routes.ts';
import { assetRoutes } from './control/assets/asset.routes.ts';
import { budgetRoutes } from './control/budget/budget.routes.ts';
import { contractRoutes } from './control/contracts/contract.routes.ts';
import { ledgerImportRoutes } from './control/import/import.routes.ts';
import { ledgerRoutes } from './control/ledger/ledger.routes.ts';
import { paymentRoutes } from './control/payments/payment.routes.ts';
import { procurementRoutes } from './control/procurement/procurement.routes.ts';
import { selfAssessmentRoutes } from './control/self-assessment/self-assessment.routes.ts';
import { subsidyRoutes } from './control/subsidies/subsidy.routes.ts';
import { evaluationRoutes } from './evaluations/evaluation.routes.ts';
import { workbookRoutes } from './evaluations/workbook.routes.ts';
import { exAnteRoutes } from './ex-ante/ex-ante.routes.ts';
import type { RouteModule } from './http/app.ts';
import { libraryRoutes } from './library/library.routes.ts';
import { wireModules } from './modules.ts';
import { monitoringRoutes } from './monitoring/monitoring.routes.ts';
import { monitoringRuleRoutes } from './monitoring/rules/rules.routes.ts';
import { notificationRoutes } from './notifications/notification.routes.ts';
import { overviewRoutes } from './overview/overview.routes.ts';
import { publicRoutes } from './public/public.routes.ts';
import { publicSettingsRoutes } from './public/public-settings.routes.ts';
import { rectificationRoutes } from './rectification/rectification.routes.ts';
import type { PdfRenderer } from './reports/pdf.ts';
import { reportRoutes } from './reports/report.routes.ts';
import { rereviewRoutes } from './rereview/rereview.routes.ts';
import { resultsRoutes } from './results/results.routes.ts';
import { searchRoutes } from './search/search.routes.ts';
import { surveyRoutes } from './surveys/survey.routes.ts';
import { surveyPublicRoutes } from './surveys/survey-public.routes.ts';
import { declarationRoutes } from './targets/declaration.routes.ts';
import { taskRoutes } from './tasks/tasks.routes.ts';

/** Every route module of the application. The PDF renderer is the one dependency some routes add to Deps. */
export function createRoutes(pdf: PdfRenderer): RouteModule[] {
  wireModules();
  return [
    evaluationRoutes,
    workbookRoutes,
    attachmentRoutes,
    adminRoutes,
    auditRoutes,
    libraryRoutes,
    declarationRoutes,
    taskRoutes,
    reportRoutes(pdf),
    publicRoutes(pdf),
    publicSettingsRoutes,
    budgetRoutes,
    paymentRoutes,
    ledgerRoutes,
    ledgerImportRoutes,
    procurementRoutes,
    contractRoutes,
    assetRoutes,
    subsidyRoutes,
    selfAssessmentRoutes,
    controlAccessRoutes,
    exAnteRoutes,
    monitoringRuleRoutes,
    surveyRoutes,
    surveyPublicRoutes,
    overviewRoutes,
    rereviewRoutes,
    rectificationRoutes,
    adjustmentRoutes,
    searchRoutes,
    resultsRoutes,
    notificationRoutes,
    monitoringRoutes,
  ] as RouteModule[];
}
