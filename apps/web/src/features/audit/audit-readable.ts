import { type AuditEntityType, isInternalAuditField } from '@jixiao/contract';
import type { MessageKey, Params } from '../../i18n/translate.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { formatMoney, fromFen } from '../../lib/money.ts';

/**
 * An audit entry read as an auditor reads a record: the fields that changed, each under its label
 * (收款人, 金额, 状态), with values as the screens show them (amounts in 元 with separators, statuses
 * by name, times in local time). Ids, hashes and counters are left out: the entry names its subject
 * and actor already, and the raw JSON stays one click away.
 */
export interface ReadableChange {
  readonly key: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

type Translate = (key: MessageKey, params?: Params) => string;

/** Where each kind of record's status words live in the dictionaries. */
const STATUS_PREFIX: Partial<Record<AuditEntityType, string>> = {
  evaluation: 'status',
  declaration: 'status',
  'payment-request': 'paymentStatus',
  procurement: 'procurementStatus',
  'budget-adjustment': 'adjustmentStatus',
  asset: 'assetStatus',
  'fiscal-year': 'yearStatus',
  contract: 'closureStatus',
};

const STATUS_FIELDS = new Set(['status', 'fromStatus', 'toStatus']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const LONGEST_VALUE = 200;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A translation if the dictionary has one, else undefined (the key is built from data, so it may not exist). */
function lookup(t: Translate, key: string): string | undefined {
  const text = t(key as MessageKey);
  return text === key || text === undefined ? undefined : text;
}

/** Integer fen as the screens show money: 1,234,567.89 元. */
export function yuanOfFen(fen: number | string): string {
  return `${formatMoney(fromFen(BigInt(fen)))} 元`;
}

export function fieldLabel(t: Translate, key: string): string {
  return lookup(t, `auditField.${key}`) ?? key;
}

export function formatAuditValue(t: Translate, entityType: string, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (key.endsWith('Fen') && (Number.isSafeInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value)))) {
    return yuanOfFen(value as number | string);
  }
  if (typeof value === 'string') {
    if (STATUS_FIELDS.has(key)) {
      const prefix = STATUS_PREFIX[entityType as AuditEntityType];
      return (prefix && lookup(t, `${prefix}.${value}`)) ?? value;
    }
    if (ISO_TIME.test(value)) return formatDateTime(value);
    return value;
  }
  const text = typeof value === 'number' ? String(value) : JSON.stringify(value);
  return text.length > LONGEST_VALUE ? `${text.slice(0, LONGEST_VALUE)}…` : text;
}

/** The changed, readable top-level fields of an entry, in the record's own field order. */
export function readableChanges(t: Translate, entityType: string, before: unknown, after: unknown): ReadableChange[] {
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(now), ...Object.keys(was)])].filter((key) => !isInternalAuditField(key));
  const changes: ReadableChange[] = [];
  for (const key of keys) {
    if (JSON.stringify(was[key]) === JSON.stringify(now[key])) continue;
    changes.push({
      key,
      label: fieldLabel(t, key),
      before: isRecord(before) ? formatAuditValue(t, entityType, key, was[key]) : t('audit.created'),
      after: isRecord(after) ? formatAuditValue(t, entityType, key, now[key]) : t('audit.removed'),
    });
  }
  return changes;
}
