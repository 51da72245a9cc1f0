import { describe, expect, it } from 'vitest';
import { assetPermissions } from './asset.ts';
import { adjustmentPermissions, budgetLinePermissions } from './budget-line.ts';
import { contractPermissions } from './contract.ts';
import { type ProcurementStatus, procurementPermissions } from './procurement.ts';
import type { Role } from './roles.ts';

const granted = (permissions: Record<string, boolean>) =>
  Object.entries(permissions)
    .filter(([, may]) => may)
    .map(([action]) => action);

describe('procurement policy', () => {
  it.each<[ProcurementStatus, Role[], string, string[]]>([
    ['draft', ['approver'], 'me', ['approve', 'cancel']],
    ['draft', ['approver'], 'amy', ['cancel']],
    ['draft', ['requester'], 'amy', ['cancel']],
    ['approved', ['requester'], 'amy', ['award', 'cancel']],
    ['approved', ['approver'], 'me', ['cancel']],
    ['awarded', ['requester', 'approver'], 'me', []],
    ['cancelled', ['requester', 'approver'], 'me', []],
    ['draft', ['accountant', 'cashier'], 'me', []],
  ])('%s, posts %j, user %s: %j', (status, posts, userId, actions) => {
    expect(granted(procurementPermissions({ userId, posts }, { status, draftedBy: 'amy' }))).toEqual(actions);
  });
});

describe('contract policy', () => {
  it.each<[Role[], string, { requestedBy: string } | null, 'active' | 'closed', string[]]>([
    [['accountant'], 'me', null, 'active', ['accept']],
    [['requester'], 'amy', null, 'active', ['requestClosure']],
    [['approver'], 'me', null, 'active', ['accept', 'requestClosure']],
    [['approver'], 'me', { requestedBy: 'bo' }, 'active', ['accept', 'decideClosure']],
    [['approver'], 'bo', { requestedBy: 'bo' }, 'active', ['accept']],
    [['department-head'], 'me', { requestedBy: 'bo' }, 'active', ['accept', 'decideClosure']],
    [['approver', 'requester'], 'me', null, 'closed', []],
    [[], 'me', null, 'active', []],
  ])('posts %j, user %s, closure %j, %s: %j', (posts, userId, pendingClosure, status, actions) => {
    expect(granted(contractPermissions({ userId, posts }, { status, signedBy: 'amy', pendingClosure }))).toEqual(actions);
  });
});

describe('asset policy', () => {
  it.each<[Role[], string, 'in-use' | 'disposal-requested' | 'disposed', string[]]>([
    [['asset-manager'], 'me', 'in-use', ['update', 'requestDisposal']],
    [['accountant'], 'keeper', 'in-use', ['requestDisposal']],
    [['accountant'], 'me', 'in-use', []],
    [['approver'], 'me', 'disposal-requested', ['decideDisposal']],
    [['approver'], 'amy', 'disposal-requested', []],
    [['asset-manager', 'approver'], 'me', 'disposed', []],
  ])('posts %j, user %s, %s: %j', (posts, userId, status, actions) => {
    const pendingDisposal = status === 'disposal-requested' ? { requestedBy: 'amy' } : null;
    expect(granted(assetPermissions({ userId, posts }, { status, custodianId: 'keeper', pendingDisposal }))).toEqual(actions);
  });
});

describe('budget line policy', () => {
  it.each<[Role[], string[]]>([
    [['accountant'], ['plan', 'requestAdjustment']],
    [['requester'], ['plan', 'requestAdjustment']],
    [['department-head'], ['requestAdjustment', 'decideAdjustment']],
    [['finance-reviewer'], ['decideAdjustment']],
    [['cashier'], []],
  ])('posts %j: %j', (posts, actions) => {
    expect(granted(budgetLinePermissions({ userId: 'me', posts }))).toEqual(actions);
  });

  it('an adjustment is decided once, never by its requester', () => {
    const actor = { userId: 'me', posts: ['approver'] as Role[] };
    expect(adjustmentPermissions(actor, { status: 'requested', requestedBy: 'amy' }).decide).toBe(true);
    expect(adjustmentPermissions(actor, { status: 'requested', requestedBy: 'me' }).decide).toBe(false);
    expect(adjustmentPermissions(actor, { status: 'approved', requestedBy: 'amy' }).decide).toBe(false);
  });
});
