export * from './rescore.ts';
export * from './sampling.ts';
