import { describe, expect, it } from 'vitest';
import { type MessageKey, type Params, translate } from '../../i18n/translate.ts';
import { readableChanges } from './audit-readable.ts';

const zh = (key: MessageKey, params?: Params) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Params) => translate('en', key, params);

describe('an audit entry read as a record', () => {
  it('names the fields, shows amounts in 元 and statuses by name, and leaves ids and counters out', () => {
    const before = {
      id: 'a1b2',
      status: 'approved',
      payeeName: '番禺某科技有限公司',
      amountFen: 28800000000,
      version: 3,
      approvedBy: 'u-1',
    };
    const after = { ...before, status: 'paid', paidOn: '2024-11-05', version: 4, paidBy: 'u-2' };
    expect(readableChanges(zh, 'payment-request', before, after)).toEqual([
      { key: 'status', label: '状态', before: '已审批', after: '已支付' },
      { key: 'paidOn', label: '支付日期', before: '—', after: '2024-11-05' },
    ]);
    expect(readableChanges(en, 'payment-request', before, after)[0]).toEqual({
      key: 'status',
      label: 'Status',
      before: 'Approved',
      after: 'Paid',
    });
  });

  it('shows a created record with every readable field, money with separators', () => {
    const changes = readableChanges(zh, 'payment-request', null, {
      id: 'x',
      payeeName: '某公司',
      amountFen: 123456789,
      illustrative: false,
    });
    expect(changes).toEqual([
      { key: 'payeeName', label: '收款人', before: '（新建）', after: '某公司' },
      { key: 'amountFen', label: '金额', before: '（新建）', after: '1,234,567.89 元' },
      { key: 'illustrative', label: '示例数据', before: '（新建）', after: '否' },
    ]);
  });

  it('keeps a field it has no label for under its own name rather than hiding it', () => {
    expect(readableChanges(zh, 'evaluation', { brandNew: 1 }, { brandNew: 2 })).toEqual([
      { key: 'brandNew', label: 'brandNew', before: '1', after: '2' },
    ]);
  });
});
