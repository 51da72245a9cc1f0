import type { RECTIFICATION_SOURCE_KIND, RECTIFICATION_STATUS } from '@jixiao/contract';

export type RectificationStatus = (typeof RECTIFICATION_STATUS)[number];
export type RectificationSourceKind = (typeof RECTIFICATION_SOURCE_KIND)[number];

/** The tag colour of each status: waiting on the unit amber, on the verifier blue, re-opened red, closed green. */
export const STATUS_COLOR: Readonly<Record<RectificationStatus, string>> = {
  issued: 'gold',
  feedback_submitted: 'blue',
  reopened: 'red',
  closed: 'green',
};
