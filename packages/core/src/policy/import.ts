import type { Posts } from './roles.ts';

/** 导入 writes budget lines and paid payments: 财务审核 or the administrator only. */
export const importPolicy = {
  posts: { run: ['accountant', 'admin'] } satisfies Posts<'run'>,
} as const;
