export * from './checks.ts';
export * from './model.ts';
