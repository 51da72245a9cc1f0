import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSession } from './auth/RequireSession.tsx';
import { LoginPage } from './features/login/LoginPage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';

// Pages load on first visit: the login page stays small, and charts (echarts) load with the pages that draw them.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage.tsx'));
const ChangePasswordPage = lazy(() => import('./features/login/ChangePasswordPage.tsx'));
const DeclarationsPage = lazy(() => import('./features/declarations/DeclarationsPage.tsx'));
const DeclarationPage = lazy(() => import('./features/declarations/DeclarationPage.tsx'));
const EvaluationListPage = lazy(() => import('./features/evaluations/EvaluationListPage.tsx'));
const EvaluationPage = lazy(() => import('./features/evaluation/EvaluationPage.tsx'));
const ReviewsPage = lazy(() => import('./features/reviews/ReviewsPage.tsx'));
const AdminPage = lazy(() => import('./features/admin/AdminPage.tsx'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx'));
const PublicReportsPage = lazy(() => import('./features/public/PublicReportsPage.tsx'));
const LedgerPage = lazy(() => import('./features/control/ledger/LedgerPage.tsx'));
const PaymentsPage = lazy(() => import('./features/control/payments/PaymentsPage.tsx'));
const ProcurementsPage = lazy(() => import('./features/control/procurement/ProcurementsPage.tsx'));
const ContractsPage = lazy(() => import('./features/control/contracts/ContractsPage.tsx'));
const AssetsPage = lazy(() => import('./features/control/assets/AssetsPage.tsx'));
const SubsidiesPage = lazy(() => import('./features/control/subsidies/SubsidiesPage.tsx'));
const LedgerImportPage = lazy(() => import('./features/control/import/LedgerImportPage.tsx'));
const SelfAssessmentPage = lazy(() => import('./features/control/self-assessment/SelfAssessmentPage.tsx'));
const ExAntePage = lazy(() => import('./features/ex-ante/ExAntePage.tsx'));
const SurveysPage = lazy(() => import('./features/surveys/SurveysPage.tsx'));
const RereviewsPage = lazy(() => import('./features/rereview/RereviewsPage.tsx'));
// The public answering page: no sign-in, outside the app's layout (like the public reports).
const AnswerPage = lazy(() => import('./features/surveys/AnswerPage.tsx'));
const LibraryPage = lazy(() => import('./features/library/LibraryPage.tsx'));
const OverviewPage = lazy(() => import('./features/overview/OverviewPage.tsx'));
const RectificationsPage = lazy(() => import('./features/rectification/RectificationsPage.tsx'));
const ResultsPage = lazy(() => import('./features/results/ResultsPage.tsx'));
const AdjustmentsPage = lazy(() => import('./features/adjustment/AdjustmentsPage.tsx'));
const MonitoringPage = lazy(() => import('./features/monitoring/MonitoringPage.tsx'));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/s/:slug"
        element={
          <Suspense fallback={null}>
            <AnswerPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="account/password" element={<ChangePasswordPage />} />
        <Route path="declarations" element={<DeclarationsPage />} />
        <Route path="declarations/:id" element={<DeclarationPage />} />
        <Route path="evaluations" element={<EvaluationListPage />} />
        <Route path="evaluations/:id" element={<EvaluationPage />} />
        <Route path="reviews" element={<ReviewsPage />} />
        <Route path="ex-ante" element={<ExAntePage />} />
        <Route path="surveys" element={<SurveysPage />} />
        <Route path="rereviews" element={<RereviewsPage />} />
        <Route path="rectifications" element={<RectificationsPage />} />
        <Route path="results" element={<ResultsPage />} />
        <Route path="adjustments" element={<AdjustmentsPage />} />
        <Route path="monitoring" element={<MonitoringPage />} />
        <Route path="control/ledger" element={<LedgerPage />} />
        <Route path="control/payments" element={<PaymentsPage />} />
        <Route path="control/procurements" element={<ProcurementsPage />} />
        <Route path="control/contracts" element={<ContractsPage />} />
        <Route path="control/assets" element={<AssetsPage />} />
        <Route path="control/subsidies" element={<SubsidiesPage />} />
        <Route path="control/import" element={<LedgerImportPage />} />
        <Route path="control/self-assessment" element={<SelfAssessmentPage />} />
        <Route path="admin" element={<AdminPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="library" element={<LibraryPage />} />
        <Route path="overview" element={<OverviewPage />} />
        <Route path="public-reports" element={<PublicReportsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
