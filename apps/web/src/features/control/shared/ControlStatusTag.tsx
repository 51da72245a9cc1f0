import { Tag } from 'antd';

const COLOR: Readonly<Record<string, string>> = {
  draft: 'processing',
  approved: 'purple',
  awarded: 'success',
  cancelled: 'default',
  active: 'processing',
  closed: 'default',
  none: 'default',
  partial: 'warning',
  complete: 'success',
  'in-use': 'success',
  'disposal-requested': 'warning',
  disposed: 'default',
  requested: 'processing',
  rejected: 'error',
  pending: 'processing',
  normal: 'success',
  abnormal: 'error',
};

/** A status of a control record, labelled as the server (or the caller's translation) names it, coloured by its code. */
export function ControlStatusTag({ status, label }: { status: string; label: string }) {
  return (
    <Tag color={COLOR[status] ?? 'default'} data-status={status}>
      {label}
    </Tag>
  );
}
