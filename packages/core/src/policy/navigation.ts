import { adjustmentPolicy } from './adjustment.ts';
import { administrationPolicy } from './administration.ts';
import { assetPolicy } from './asset.ts';
import { auditPolicy } from './audit.ts';
import { contractPolicy } from './contract.ts';
import { declarationPolicy } from './declaration.ts';
import { evaluationPolicy, REVIEW_ROLES } from './evaluation.ts';
import { exAntePolicy } from './ex-ante.ts';
import { importPolicy } from './import.ts';
import { monitoringPolicy } from './monitoring.ts';
import { overviewPolicy } from './overview.ts';
import { paymentPolicy } from './payment.ts';
import { procurementPolicy } from './procurement.ts';
import { rectificationPolicy } from './rectification.ts';
import { rereviewPolicy } from './rereview.ts';
import { resultsPolicy } from './results.ts';
import { holdsAny, type Role } from './roles.ts';
import { selfAssessmentPolicy } from './self-assessment.ts';
import { subsidyPolicy } from './subsidy.ts';
import { surveyPolicy } from './survey.ts';

/** The internal-control (内部控制) pages, grouped in the side menu. */
export const CONTROL_PAGES = [
  'control-ledger',
  'control-payments',
  'control-procurements',
  'control-contracts',
  'control-assets',
  'control-subsidies',
  'control-import',
  'control-self-assessment',
] as const;
export type ControlPage = (typeof CONTROL_PAGES)[number];

export const PAGES = [
  'dashboard',
  'overview',
  'declarations',
  'adjustments',
  'monitoring',
  'evaluations',
  'reviews',
  'ex-ante',
  'surveys',
  'rereviews',
  'rectifications',
  'results',
  ...CONTROL_PAGES,
  'admin',
  'audit',
  'library',
  'public-reports',
] as const;
export type Page = (typeof PAGES)[number];

/** Who oversees internal control without holding a post in it: they read every page of the group. */
export const OVERSIGHT_ROLES: readonly Role[] = ['department-head', 'finance-reviewer', 'auditor', 'admin'];

/** The posts of several actions, once each. */
const actsOn = (...lists: readonly (readonly Role[])[]): readonly Role[] => [...new Set(lists.flat())];

/**
 * Which roles use which internal-control page: a page is shown to the posts that act on it (read
 * from each entity's policy), to 财务审核 who keeps the books, and to oversight. Reading needs any
 * role over the unit, so a page hidden here is not forbidden, only not this post's business.
 */
const CONTROL_PAGE_ROLES: Readonly<Record<ControlPage, readonly Role[]>> = {
  'control-ledger': actsOn(
    paymentPolicy.posts.request,
    paymentPolicy.posts.review,
    paymentPolicy.posts.pay,
    assetPolicy.posts.cards,
    ['approver'],
    OVERSIGHT_ROLES,
  ),
  'control-payments': actsOn(...Object.values(paymentPolicy.posts), OVERSIGHT_ROLES),
  'control-procurements': actsOn(...Object.values(procurementPolicy.posts), ['accountant'], OVERSIGHT_ROLES),
  'control-contracts': actsOn(
    contractPolicy.posts.sign,
    contractPolicy.posts.decideClosure,
    assetPolicy.posts.cards,
    ['accountant'],
    OVERSIGHT_ROLES,
  ),
  'control-assets': actsOn(...Object.values(assetPolicy.posts), ['accountant'], OVERSIGHT_ROLES),
  'control-subsidies': actsOn(...Object.values(subsidyPolicy.posts), paymentPolicy.posts.review, paymentPolicy.posts.pay, OVERSIGHT_ROLES),
  'control-import': importPolicy.posts.run,
  'control-self-assessment': actsOn(selfAssessmentPolicy.posts.edit, OVERSIGHT_ROLES),
};

/** The pages of the side menu for a user holding these roles (anywhere), in menu order. */
export function navigationPages(roles: readonly Role[]): Page[] {
  const pages: Page[] = ['dashboard'];
  const reviewer = holdsAny(roles, REVIEW_ROLES);
  // 总览: the supervisors' view of a year over the departments their roles reach.
  if (holdsAny(roles, overviewPolicy.posts.read)) pages.push('overview');
  // 绩效目标申报: whoever declares or reviews targets, and the auditor who reads them.
  if (holdsAny(roles, [...Object.values(declarationPolicy.posts).flat(), 'auditor'])) pages.push('declarations');
  // 目标调整: who requests or reviews adjustments of approved targets, and the auditor who reads them.
  if (holdsAny(roles, actsOn(...Object.values(adjustmentPolicy.posts), ['auditor']))) pages.push('adjustments');
  // 绩效运行监控: who issues, fills or reviews monitoring forms, and the auditor who reads them.
  if (holdsAny(roles, actsOn(...Object.values(monitoringPolicy.posts), ['auditor']))) pages.push('monitoring');
  if (holdsAny(roles, evaluationPolicy.posts.create) || reviewer || roles.includes('auditor')) pages.push('evaluations');
  if (reviewer) pages.push('reviews');
  if (holdsAny(roles, exAntePolicy.posts.grade)) pages.push('ex-ante');
  // 满意度调查: who designs surveys or reviews their responses.
  if (holdsAny(roles, actsOn(...Object.values(surveyPolicy.posts)))) pages.push('surveys');
  // 抽查复核: the finance bureau's reviewers, and the auditor who reads.
  if (holdsAny(roles, rereviewPolicy.posts.read)) pages.push('rereviews');
  // 整改: who issues, answers or verifies notices, and the auditor who reads them.
  if (holdsAny(roles, actsOn(...Object.values(rectificationPolicy.posts), ['auditor']))) pages.push('rectifications');
  // 结果应用: the bureau decides; department reviewers and the auditor read.
  if (holdsAny(roles, resultsPolicy.posts.read)) pages.push('results');
  pages.push(...CONTROL_PAGES.filter((page) => holdsAny(roles, CONTROL_PAGE_ROLES[page])));
  if (holdsAny(roles, administrationPolicy.posts.manage)) pages.push('admin');
  if (holdsAny(roles, auditPolicy.posts.read)) pages.push('audit');
  // 指标库: read by everyone signed in; maintained by the finance bureau (libraryPolicy).
  pages.push('library');
  pages.push('public-reports');
  return pages;
}

/** The ledger's roll-up over units (汇总) is oversight's view. */
export const mayReadRollup = (roles: readonly Role[]): boolean => holdsAny(roles, OVERSIGHT_ROLES);
