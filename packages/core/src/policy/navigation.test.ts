import { describe, expect, it } from 'vitest';
import { evaluationActions, mayEdit, reviewStatuses } from './evaluation.ts';
import { CONTROL_PAGES, mayReadRollup, navigationPages } from './navigation.ts';
import { permissionsOf, type Role } from './roles.ts';

const EVERY = [...CONTROL_PAGES];
/** 导入 is 财务审核's and the administrator's alone. */
const ALL_CONTROL = EVERY.filter((page) => page !== 'control-import');

describe('navigation', () => {
  it.each<[Role[], string[]]>([
    [
      ['preparer'],
      ['dashboard', 'declarations', 'adjustments', 'monitoring', 'evaluations', 'surveys', 'rectifications', 'library', 'public-reports'],
    ],
    [
      ['department-reviewer'],
      [
        'dashboard',
        'overview',
        'declarations',
        'adjustments',
        'monitoring',
        'evaluations',
        'reviews',
        'ex-ante',
        'surveys',
        'rectifications',
        'results',
        'library',
        'public-reports',
      ],
    ],
    [
      ['department-head'],
      [
        'dashboard',
        'declarations',
        'adjustments',
        'monitoring',
        'evaluations',
        'reviews',
        ...ALL_CONTROL,
        'audit',
        'library',
        'public-reports',
      ],
    ],
    [
      ['finance-reviewer'],
      [
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
        ...ALL_CONTROL,
        'audit',
        'library',
        'public-reports',
      ],
    ],
    [['admin'], ['dashboard', 'overview', ...EVERY, 'admin', 'audit', 'library', 'public-reports']],
    [
      ['auditor'],
      [
        'dashboard',
        'overview',
        'declarations',
        'adjustments',
        'monitoring',
        'evaluations',
        'rereviews',
        'rectifications',
        'results',
        ...ALL_CONTROL,
        'audit',
        'library',
        'public-reports',
      ],
    ],
    [
      ['requester'],
      [
        'dashboard',
        'control-ledger',
        'control-payments',
        'control-procurements',
        'control-contracts',
        'control-subsidies',
        'library',
        'public-reports',
      ],
    ],
    [['accountant'], ['dashboard', ...EVERY, 'library', 'public-reports']],
    [['cashier'], ['dashboard', 'control-ledger', 'control-payments', 'control-subsidies', 'library', 'public-reports']],
    [['asset-manager'], ['dashboard', 'control-ledger', 'control-contracts', 'control-assets', 'library', 'public-reports']],
    [['approver'], ['dashboard', ...ALL_CONTROL.filter((page) => page !== 'control-self-assessment'), 'library', 'public-reports']],
    [[], ['dashboard', 'library', 'public-reports']],
  ])('%j sees %j', (roles, pages) => {
    expect(navigationPages(roles)).toEqual(pages);
  });

  it('the ledger roll-up is oversight’s', () => {
    expect(mayReadRollup(['auditor'])).toBe(true);
    expect(mayReadRollup(['accountant', 'requester'])).toBe(false);
  });
});

describe('evaluation policy', () => {
  it('review statuses follow the workflow', () => {
    expect(reviewStatuses(['department-head'])).toEqual(['submitted']);
    expect(reviewStatuses(['finance-reviewer', 'department-reviewer'])).toEqual(['submitted', 'department_approved']);
    expect(reviewStatuses(['preparer'])).toEqual([]);
  });

  it.each<[Role[], 'draft' | 'submitted' | 'department_approved' | 'finance_approved', string[]]>([
    [['preparer'], 'draft', ['submit']],
    [['department-reviewer'], 'submitted', ['approve', 'return']],
    [['finance-reviewer'], 'department_approved', ['approve', 'return']],
    [['department-head'], 'finance_approved', ['publish']],
    [['preparer'], 'submitted', []],
  ])('%j on %s: %j', (roles, status, actions) => {
    expect(evaluationActions(roles, status)).toEqual(actions);
  });

  it('only the 填报人 edits, and only while the unit holds it', () => {
    expect(mayEdit(['preparer'], 'returned')).toBe(true);
    expect(mayEdit(['preparer'], 'submitted')).toBe(false);
    expect(mayEdit(['department-head'], 'draft')).toBe(false);
  });

  it('permissionsOf answers each action from the posts alone', () => {
    expect(permissionsOf({ a: ['cashier'], b: ['approver'] }, ['approver'])).toEqual({ a: false, b: true });
  });
});
