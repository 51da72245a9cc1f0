export * from './admin.ts';
export * from './audit-actions.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './control/index.ts';
export * from './evaluation.ts';
export * from './score.ts';
export * from './targets.ts';
