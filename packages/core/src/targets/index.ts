export * from './checks.ts';
export * from './ex-ante.ts';
export * from './model.ts';
export * from './suggest.ts';
