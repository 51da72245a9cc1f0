import type { Posts } from './roles.ts';

/** recipient: 补贴对象; grant: 补贴发放; followUp: 事后检查 (planned and recorded). */
export type SubsidyAction = 'recipient' | 'grant' | 'followUp';

export const subsidyPolicy = {
  posts: {
    recipient: ['requester'],
    grant: ['requester'],
    followUp: ['requester', 'approver', 'department-head'],
  } satisfies Posts<SubsidyAction>,
} as const;
