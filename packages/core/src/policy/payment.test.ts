import { describe, expect, it } from 'vitest';
import { nextPaymentPosts, type PaymentStatus, paymentPermissions } from './payment.ts';
import type { Role } from './roles.ts';

const allowed = (status: PaymentStatus, posts: Role[], userId = 'me', people = { requestedBy: 'amy', approvedBy: 'bo' }) =>
  Object.entries(paymentPermissions({ userId, posts }, { status, ...people }))
    .filter(([, may]) => may)
    .map(([step]) => step);

describe('payment policy', () => {
  it.each<[PaymentStatus, Role[], string[], string?]>([
    ['requested', ['accountant'], ['review', 'reject']],
    ['requested', ['requester'], []],
    ['reviewed', ['approver'], ['approve', 'reject']],
    ['reviewed', ['department-head'], ['approve', 'reject']],
    ['reviewed', ['accountant'], ['reject']],
    ['approved', ['cashier'], ['pay']],
    ['approved', ['approver'], ['reject']],
    ['paid', ['accountant'], ['archive']],
    ['paid', ['approver'], []],
    ['archived', ['accountant', 'approver', 'cashier'], []],
    ['rejected', ['accountant'], []],
    ['rejected', ['requester'], []],
    ['rejected', ['requester'], ['resubmit'], 'amy'],
    ['requested', ['admin', 'auditor', 'finance-reviewer'], []],
  ])('%s, posts %j: %j (user %s)', (status, posts, steps, userId) => {
    expect(allowed(status, posts, userId)).toEqual(steps);
  });

  it('segregation of duties: the requester neither reviews nor approves, the approver does not pay, even holding the posts', () => {
    const everything: Role[] = ['requester', 'accountant', 'approver', 'cashier'];
    expect(allowed('requested', everything, 'amy')).toEqual(['reject']);
    expect(allowed('reviewed', everything, 'amy')).toEqual(['reject']);
    expect(allowed('approved', everything, 'bo')).toEqual(['reject']);
    expect(allowed('approved', everything, 'amy')).toEqual(['pay', 'reject']);
  });

  it('names the posts that act next', () => {
    expect(nextPaymentPosts('requested')).toEqual(['accountant']);
    expect(nextPaymentPosts('reviewed')).toEqual(['approver', 'department-head']);
    expect(nextPaymentPosts('approved')).toEqual(['cashier']);
    expect(nextPaymentPosts('archived')).toEqual([]);
    // A rejected request waits for its requester to correct and resubmit it.
    expect(nextPaymentPosts('rejected')).toEqual(['requester']);
  });
});
