export * from './checks.ts';
export * from './model.ts';
export * from './suggest.ts';
