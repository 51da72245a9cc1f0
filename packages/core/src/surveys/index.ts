export * from './integrity.ts';
export * from './model.ts';
export * from './results.ts';
export * from './sample.ts';
export * from './templates.ts';
