import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { controlViolations, onlyConfirmable } from './control-violations.ts';

const refusal = (details: unknown, message = '违反 2 项内部控制规则') =>
  new ApiError(422, 'CONTROL_RULE_VIOLATED', message, details, 'req-1');

describe('controlViolations', () => {
  it('lists every broken rule with its Chinese message', () => {
    const violations = controlViolations(
      refusal([
        { code: 'IC_BALANCE_INSUFFICIENT', path: 'body.amount', message: '可用余额不足：……', confirmable: false },
        { code: 'IC_CONTRACT_REQUIRED', path: 'body', message: '金额达到 50,000.00 的支付须关联合同', confirmable: false },
      ]),
    );
    expect(violations?.map((violation) => violation.code)).toEqual(['IC_BALANCE_INSUFFICIENT', 'IC_CONTRACT_REQUIRED']);
    expect(violations?.[0]?.message).toBe('可用余额不足：……');
  });

  it('is null for other errors', () => {
    expect(controlViolations(new ApiError(400, 'VALIDATION_FAILED', 'x', [], null))).toBeNull();
    expect(controlViolations(new Error('x'))).toBeNull();
  });

  it('falls back to the message when details are missing or malformed', () => {
    expect(controlViolations(refusal(null, '审批人不能执行付款'))).toEqual([
      { code: 'CONTROL_RULE_VIOLATED', path: '', message: '审批人不能执行付款', confirmable: false },
    ]);
    expect(controlViolations(refusal([{ code: 1 }], '申请人不能审核'))?.map((violation) => violation.message)).toEqual(['申请人不能审核']);
  });

  it('knows when a confirmation can lift the refusal', () => {
    const duplicate = controlViolations(
      refusal([{ code: 'IC_DUPLICATE_SUSPECTED', path: 'body', message: '疑似重复', confirmable: true }]),
    );
    expect(onlyConfirmable(duplicate ?? [])).toBe(true);
    const mixed = controlViolations(
      refusal([
        { code: 'IC_DUPLICATE_SUSPECTED', path: 'body', message: '疑似重复', confirmable: true },
        { code: 'IC_BALANCE_INSUFFICIENT', path: 'body.amount', message: '可用余额不足', confirmable: false },
      ]),
    );
    expect(onlyConfirmable(mixed ?? [])).toBe(false);
    expect(onlyConfirmable([])).toBe(false);
  });
});
